namespace OmniPos.Models.Forecasting;

/// <summary>
/// Each day as the last known day of the same weekday: the benchmark of the M5 competition (its "sNaive"). A weekday
/// never known takes the mean of the known days of the last four weeks (of the whole series when those are unknown).
/// </summary>
public sealed class SeasonalNaiveForecaster : SeriesForecaster
{
    private const int Week = 7;

    public const string MethodName = "seasonal naive";

    public override string Name => MethodName;

    protected override void Forecast(ReadOnlySpan<float> units, Span<float> forecast)
    {
        var fallback = KnownMean(units[Math.Max(0, units.Length - 4 * Week)..]) ?? KnownMean(units) ?? 0;
        for (var day = 0; day < forecast.Length; day++)
        {
            var value = float.NaN;
            for (var past = units.Length + day % Week - Week; past >= 0 && float.IsNaN(value); past -= Week)
            {
                value = units[past];
            }

            forecast[day] = float.IsNaN(value) ? fallback : value;
        }
    }

    private static float? KnownMean(ReadOnlySpan<float> units)
    {
        var (sum, count) = (0.0, 0);
        foreach (var value in units)
        {
            if (!float.IsNaN(value))
            {
                (sum, count) = (sum + value, count + 1);
            }
        }

        return count == 0 ? null : (float)(sum / count);
    }
}
