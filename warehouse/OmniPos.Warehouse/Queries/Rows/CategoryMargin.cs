namespace OmniPos.Warehouse.Queries.Rows;

/// <summary>
/// Gross margin of a category's sales in the period (net sales − cost of goods at standard cost), and margin after
/// returns, which subtracts what returns of those sales took back (returned value − returned cost).
/// </summary>
public sealed record CategoryMargin(string Category, decimal NetSales, decimal Cost, decimal ReturnedValue, decimal ReturnedCost)
{
    public decimal GrossMargin => NetSales - Cost;

    public decimal? GrossMarginPercent => Ratio.Percent(GrossMargin, NetSales);

    public decimal MarginAfterReturns => GrossMargin - (ReturnedValue - ReturnedCost);
}
