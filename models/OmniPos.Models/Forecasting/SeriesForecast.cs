using MathNet.Numerics.Distributions;
using OmniPos.Warehouse.Forecasts;
using OmniPos.Warehouse.History;

namespace OmniPos.Models.Forecasting;

/// <summary>
/// The forecast of one series: mean demand per day from the forecast's start, the method its demand class chose, and the
/// typical size of that method's daily error in the backtests, from which come its quantiles (a normal error, cut at zero).
/// </summary>
public sealed record SeriesForecast(SeriesKey Key, DemandPattern Pattern, string Method, float[] Mean, float DailyError)
{
    /// <summary>A forecast as the warehouse stored it (<see cref="ForecastRecord"/>).</summary>
    public static SeriesForecast From(ForecastRecord record) =>
        new(record.Key, Enum.Parse<DemandPattern>(record.Pattern), record.Method, record.Mean, (float)record.DailyError);

    /// <summary>The demand the day's outcome stays at or under with probability <paramref name="probability"/>.</summary>
    public float Quantile(int day, double probability) =>
        (float)Math.Max(0, Mean[day] + Normal.InvCDF(0, 1, probability) * DailyError);

    /// <summary>The demand expected over the first <paramref name="days"/> days (past the horizon, its last week repeated).</summary>
    public double TotalOver(int days)
    {
        var total = 0.0;
        for (var day = 0; day < days; day++)
        {
            total += Mean[day < Mean.Length ? day : Mean.Length - 7 + (day - Mean.Length) % 7];
        }

        return total;
    }
}
