namespace OmniPos.Warehouse.History;

/// <summary>
/// The daily history of one SKU at one location, on its history's calendar (day 0 is the calendar's first day).
/// <see cref="Units"/> is NaN on a day whose demand is not known: before the item was on sale there, or out of stock
/// (censored demand: what sold is not what was wanted), or missing from the source. <see cref="Prices"/> is NaN where no
/// price is known. <see cref="Department"/> and <see cref="Category"/> group SKUs; <see cref="Region"/> names the
/// calendar's regional flags (SNAP days in M5) that apply to the location. The arrays may run past the history's last
/// day (a backtest's view of the past keeps the prices and promotions planned for the days it forecasts).
/// </summary>
public sealed record DemandSeries(
    SeriesKey Key, string Department, string Category, string Region, float[] Units, float[] Prices, bool[] Promoted)
{
    /// <summary>The first day with a known demand, or the series' length when it has none.</summary>
    public int FirstKnownDay()
    {
        var day = 0;
        while (day < Units.Length && float.IsNaN(Units[day]))
        {
            day++;
        }

        return day;
    }
}
