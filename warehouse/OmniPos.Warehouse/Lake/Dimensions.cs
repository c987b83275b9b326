using OmniPos.Core.Storage;
using OmniPos.Warehouse.DuckDb;

namespace OmniPos.Warehouse.Lake;

/// <summary>Replaces the dimension tables with the catalog as the operational store holds it now, in one transaction.</summary>
internal static class Dimensions
{
    public static void Refresh(DuckDbConnection connection, Catalog catalog) => connection.InTransaction(() =>
    {
        Replace(connection, "dim_store", catalog.Stores, (a, s) => a.Append(s.StoreId).Append(s.Name).Append(s.TimeZone).Append(s.Currency).Append(s.TaxJurisdiction));
        Replace(connection, "dim_device", catalog.Devices, (a, d) => a.Append(d.DeviceId).Append(d.StoreId).Append(EnumText.Of(d.Kind)).Append(Catalog.ChannelOf(d.Kind)));
        Replace(connection, "dim_product", catalog.Products, (a, p) => a.Append(p.Sku).Append(p.Name).Append(p.CategoryPath)
            .Append(p.CategoryPath.Count > 0 ? p.CategoryPath[0] : "")
            .Append(p.CategoryPath.Count > 1 ? p.CategoryPath[1] : null)
            .Append(p.UnitCost).Append(p.UnitPrice).Append(Catalog.IsGiftCard(p)));
        Replace(connection, "dim_promotion", catalog.Promotions, (a, p) => a.Append(p.PromotionId).Append(p.Name).Append(p.StartsOn).Append(p.EndsOn));
        // The name and loyalty tier: a customer's e-mail is personal data the warehouse has no use for.
        Replace(connection, "dim_customer", catalog.Customers, (a, c) => a.Append(c.CustomerId).Append(c.Name)
            .Append(c.LoyaltyTier is { } tier ? EnumText.Of(tier) : null));
        Replace(connection, "dim_employee", catalog.Employees, (a, e) => a.Append(e.EmployeeId).Append(e.StoreId).Append(e.Name).Append(e.Role));
        return true;
    });

    private static void Replace<T>(DuckDbConnection connection, string table, IReadOnlyList<T> entries, Action<DuckDbAppender, T> row)
    {
        connection.Execute($"DELETE FROM {table}");
        using var appender = connection.CreateAppender(table);
        foreach (var entry in entries)
        {
            row(appender, entry);
            appender.EndRow();
        }

        appender.Complete();
    }
}
