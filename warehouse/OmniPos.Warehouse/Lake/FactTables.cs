namespace OmniPos.Warehouse.Lake;

/// <summary>The fact tables landing fills, each a table of the lake (one folder) and of warehouse.duckdb (Schema/001_star.sql).</summary>
internal static class FactTables
{
    public const string Transactions = "fact_transactions";
    public const string SaleLines = "fact_sale_lines";
    public const string LineDiscounts = "fact_line_discounts";
    public const string LineTaxes = "fact_line_taxes";
    public const string ReturnLines = "fact_return_lines";
    public const string Tenders = "fact_tenders";
    public const string Refunds = "fact_refunds";
    public const string PaymentAdjustments = "fact_payment_adjustments";
    public const string DeviceEvents = "fact_device_events";
    public const string InventoryMovements = "fact_inventory_movements";
    public const string PriceChanges = "fact_price_changes";
    public const string Settlements = "fact_settlements";
    public const string Chargebacks = "fact_chargebacks";

    /// <summary>The tables the event log feeds.</summary>
    public static IReadOnlyList<string> FromEvents { get; } =
        [Transactions, SaleLines, LineDiscounts, LineTaxes, ReturnLines, Tenders, Refunds, PaymentAdjustments, DeviceEvents, InventoryMovements, PriceChanges];

    public static string Staging(string table) => "stage_" + table;
}
