namespace OmniPos.Warehouse.Queries.Rows;

/// <summary>
/// Units on hand at a location over daily demand, demand being units sold ÷ days in stock in the trailing 28 days (days
/// out of stock do not dilute it); null without sales in those days.
/// </summary>
public sealed record DaysOfSupply(string Location, string Sku, string Category, long OnHand, long Sold28Days, long DaysInStock)
{
    public decimal? DailyDemand => Ratio.Of(Sold28Days, DaysInStock, 4);

    public decimal? Days => Sold28Days <= 0 || DaysInStock == 0 ? null : Ratio.Of((decimal)OnHand * DaysInStock, Sold28Days, 1);
}
