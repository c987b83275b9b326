using OmniPos.Warehouse.DuckDb;
using OmniPos.Warehouse.Queries.Rows;

namespace OmniPos.Warehouse.Queries;

/// <summary>
/// The analytic query library: every named query, with its typed rows, over the star schema and marts. The definitions
/// are DESIGN.md §5's; each row type's summary states the one it computes.
/// </summary>
public static class AnalyticQueries
{
    public static AnalyticQuery<ChannelDaySales> SalesByChannelDay { get; } = new("sales_by_channel_day",
        "Revenue, orders, units, AOV and UPT per business day and channel (gift cards left out)",
        r => new ChannelDaySales(r.GetDate(0), r.GetString(1), r.GetDecimal(2), r.GetDecimal(3), r.GetDecimal(4), r.GetInt64(5), r.GetInt64(6)));

    public static AnalyticQuery<CategoryMargin> MarginByCategory { get; } = new("margin_by_category",
        "Gross margin and margin after returns per top-level category",
        r => new CategoryMargin(r.GetString(0), r.GetDecimal(1), r.GetDecimal(2), r.GetDecimal(3), r.GetDecimal(4)));

    public static AnalyticQuery<SellThrough> SellThrough { get; } = new("sell_through",
        "Sell-through per week and store, by SKU, category or store (--level), in the period, received or on-hand variant (--variant)",
        (r, filter) => new SellThrough(r.GetDate(0), r.GetString(1), r.GetStringOrNull(2), r.GetStringOrNull(3), r.GetInt64(4), r.GetInt64(5),
            r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), filter.Variant));

    public static AnalyticQuery<AgingBucket> InventoryAging { get; } = new("inventory_aging",
        "Units on hand and their cost per location, category and FIFO age bucket, as of a day",
        r => new AgingBucket(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetDecimal(4)));

    public static AnalyticQuery<DaysOfSupply> DaysOfSupply { get; } = new("days_of_supply",
        "Days of supply per location and SKU, as of a day, from the trailing 28 days' in-stock sales rate",
        r => new DaysOfSupply(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5)));

    public static AnalyticQuery<ReturnRate> ReturnRate { get; } = new("return_rate",
        "Return rate by units and by value per channel and reason, returns in the period of their sale",
        r => new ReturnRate(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetDecimal(3), r.GetInt64(4), r.GetDecimal(5)));

    public static AnalyticQuery<CardCapture> CardCaptures { get; } = new("card_captures",
        "Every captured card tender beside its processor settlement, matched by store, token and auth code",
        r => new CardCapture(r.GetString(0), r.GetDate(1), r.GetStringOrNull(2), r.IsNull(3) ? null : r.GetInt32(3), r.GetStringOrNull(4),
            r.GetString(5), r.GetString(6), r.IsNull(7) ? null : r.GetDecimal(7), r.IsNull(8) ? null : r.GetDate(8),
            r.IsNull(9) ? null : r.GetDecimal(9), r.IsNull(10) ? null : r.GetDecimal(10)));

    public static AnalyticQuery<TenderReconciliation> TenderReconciliation { get; } = new("tender_reconciliation",
        "Card tenders captured against settlements per store and business day, with the count of unmatched items (card_captures lists them)",
        r => new TenderReconciliation(r.GetString(0), r.GetDate(1), r.GetInt64(2), r.GetDecimal(3), r.GetDecimal(4), r.GetDecimal(5), r.GetInt64(6)));

    public static AnalyticQuery<TillShift> TillShifts { get; } = new("till_shifts",
        "Expected and counted cash, over/short and opening difference per till shift",
        r => new TillShift(r.GetString(0), r.GetString(1), r.GetDate(2), r.GetTimestamp(3), r.IsNull(4) ? null : r.GetTimestamp(4),
            r.GetStringOrNull(5), r.GetDecimal(6), r.GetDecimal(7), r.GetDecimal(8), r.GetDecimal(9), r.GetDecimal(10), r.GetDecimal(11),
            r.GetDecimal(12), r.IsNull(13) ? null : r.GetDecimal(13), r.IsNull(14) ? null : r.GetDecimal(14)));

    public static AnalyticQuery<EmployeeExceptions> DeviceExceptions { get; } = new("device_exceptions",
        "Voids, no-sales, overrides, manual discounts and no-receipt returns per employee",
        r => new EmployeeExceptions(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6),
            r.GetInt64(7), r.GetDecimal(8)));

    public static AnalyticQuery<PromotionSales> PromotionSales { get; } = new("promotion_sales",
        "Sales under each promotion: orders, units, gross and net sales, the promotion's discount, cost and margin",
        r => new PromotionSales(r.GetString(0), r.GetStringOrNull(1), r.IsNull(2) ? null : r.GetDate(2), r.IsNull(3) ? null : r.GetDate(3),
            r.GetInt64(4), r.GetInt64(5), r.GetDecimal(6), r.GetDecimal(7), r.GetDecimal(8), r.GetDecimal(9)));

    public static AnalyticQuery<CountryMonthSales> SalesByCountryMonth { get; } = new("sales_by_country_month",
        "Net sales, units and orders per month and customer country, and the month's returns",
        r => new CountryMonthSales(r.GetDate(0), r.GetString(1), r.GetDecimal(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetDecimal(6)));

    public static AnalyticQuery<ProductSales> SalesByProduct { get; } = new("sales_by_product",
        "Units and net sales per SKU, and its returns, in the period",
        r => new ProductSales(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetDecimal(4), r.GetInt64(5), r.GetDecimal(6)));

    public static AnalyticQuery<JurisdictionTax> TaxByJurisdiction { get; } = new("tax_by_jurisdiction",
        "Tax per store, business day and jurisdiction",
        r => new JurisdictionTax(r.GetString(0), r.GetDate(1), r.GetString(2), r.GetDecimal(3), r.GetInt64(4)));

    /// <summary>Every query by name, as <c>omnipos query</c> lists them.</summary>
    public static IReadOnlyList<AnalyticQuery> All { get; } =
    [
        SalesByChannelDay, MarginByCategory, SellThrough, InventoryAging, DaysOfSupply, ReturnRate, TenderReconciliation, CardCaptures,
        TillShifts, DeviceExceptions, PromotionSales, SalesByCountryMonth, SalesByProduct, TaxByJurisdiction,
    ];

    public static AnalyticQuery? Find(string name) => All.FirstOrDefault(q => q.Name == name);
}
