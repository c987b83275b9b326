namespace OmniPos.Warehouse.Promotions;

/// <summary>
/// What a SKU sold at a stock location on a business day, and what of it came back later (returns counted on the day of
/// the sale they undo, at its location): units, their value at shelf prices (gross), net sales before tax, cost; refunds and
/// the cost of the returned units.
/// </summary>
public sealed record SeriesSales(
    string Sku, string Location, DateOnly BusinessDate, int Units, decimal Gross, decimal NetSales, decimal Cost, int ReturnedUnits, decimal Refunds, decimal ReturnedCost)
{
    /// <summary>Net sales less what was refunded of them.</summary>
    public decimal RevenueAfterReturns => NetSales - Refunds;

    /// <summary>Gross margin less what the returns took back (the refund, less the cost of the units that came back).</summary>
    public decimal MarginAfterReturns => NetSales - Cost - (Refunds - ReturnedCost);
}
