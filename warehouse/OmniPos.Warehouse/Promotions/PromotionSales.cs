using OmniPos.Warehouse.Schema;
using OmniPos.Warehouse.DuckDb;

namespace OmniPos.Warehouse.Promotions;

/// <summary>What promotion analysis reads of the warehouse: the promotions the sales show, the catalog's groups, the sales and their returns.</summary>
internal static class PromotionSales
{
    private static readonly Lazy<string> ScopesSql = new(() => EmbeddedSql.Read("Promotions/promotion_scopes.sql"));
    private static readonly Lazy<string> SalesSql = new(() => EmbeddedSql.Read("Promotions/series_sales.sql"));

    public static List<PromotionScope> Scopes(DuckDbConnection connection, CancellationToken cancellationToken)
    {
        using var reader = connection.Query(ScopesSql.Value, cancellationToken);
        return reader.ReadAll(r => new PromotionScope(r.GetString(0), r.GetString(1), r.GetDate(2), r.GetDate(3),
            r.GetList(4, (vector, index) => vector.GetString(index)), r.GetList(5, (vector, index) => vector.GetString(index))));
    }

    public static List<CatalogItem> Catalog(DuckDbConnection connection, CancellationToken cancellationToken)
    {
        using var reader = connection.Query(
            "SELECT sku, category_path[1], category_path[-1], unit_cost, unit_price FROM dim_product WHERE NOT is_gift_card AND len(category_path) > 0 ORDER BY sku",
            cancellationToken);
        return reader.ReadAll(r => new CatalogItem(r.GetString(0), r.GetString(1), r.GetString(2), r.GetDecimal(3), r.GetDecimal(4)));
    }

    public static List<SeriesSales> Sales(DuckDbConnection connection, DateOnly from, DateOnly through, CancellationToken cancellationToken)
    {
        using var statement = connection.Prepare(SalesSql.Value);
        using var reader = statement.Bind("from", from).Bind("through", through).Query(cancellationToken);
        return reader.ReadAll(r => new SeriesSales(r.GetString(0), r.GetString(1), r.GetDate(2), r.GetInt32(3), r.GetDecimal(4), r.GetDecimal(5),
            r.GetDecimal(6), r.GetInt32(7), r.GetDecimal(8), r.GetDecimal(9)));
    }
}
