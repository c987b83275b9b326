namespace OmniPos.Warehouse.Queries.Rows;

/// <summary>A SKU's units and net sales in the period, and its returns dated in the period.</summary>
public sealed record ProductSales(string Sku, string Name, string Category, long Units, decimal NetSales, long ReturnedUnits, decimal Refunded);
