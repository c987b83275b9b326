namespace OmniPos.Warehouse.History;

/// <summary>
/// Daily demand of many series over the same <see cref="Days"/> days from the calendar's start: what forecasting learns
/// from. The calendar may run past the last day of history (events planned ahead).
/// </summary>
public sealed record SalesHistory(SalesCalendar Calendar, int Days, IReadOnlyList<DemandSeries> Series)
{
    /// <summary>
    /// The same history as it was known at the start of day <paramref name="origin"/>: the days from then on are gone.
    /// Prices, promotions and the calendar of those days are planned ahead, so a forecaster may still ask for them
    /// (<see cref="DemandSeries.Prices"/> keeps them). Backtests forecast from such a view, so no forecaster can see the
    /// days it is scored on.
    /// </summary>
    public SalesHistory KnownBefore(int origin) => this with
    {
        Days = origin,
        Series = Series.Select(series =>
        {
            var units = (float[])series.Units.Clone();
            Array.Fill(units, float.NaN, origin, units.Length - origin);
            return series with { Units = units };
        }).ToList(),
    };
}
