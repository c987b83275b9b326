namespace OmniPos.Warehouse.Queries.Rows;

/// <summary>
/// Returns of one reason in one channel against that channel's sales, returns counted in the period of their sale: by
/// units = returned ÷ sold units; by value = returned value ÷ gross sales.
/// </summary>
public sealed record ReturnRate(string Channel, string Reason, long ReturnedUnits, decimal ReturnedValue, long SoldUnits, decimal GrossSales)
{
    public decimal? UnitRatePercent => Ratio.Percent(ReturnedUnits, SoldUnits);

    public decimal? ValueRatePercent => Ratio.Percent(ReturnedValue, GrossSales);
}
