using OmniPos.Warehouse.History;

namespace OmniPos.Models.Forecasting;

/// <summary>A forecaster that looks at each series alone (the baselines): the series are forecast in parallel.</summary>
public abstract class SeriesForecaster : IDemandForecaster
{
    public abstract string Name { get; }

    public float[][] Forecast(SalesHistory history, int horizon, CancellationToken cancellationToken = default)
    {
        var forecasts = new float[history.Series.Count][];
        Parallel.For(0, forecasts.Length, new ParallelOptions { CancellationToken = cancellationToken }, index =>
        {
            var series = history.Series[index];
            var known = series.Units.AsSpan(0, history.Days);
            var forecast = new float[horizon];
            var first = series.FirstKnownDay();
            if (first < known.Length)
            {
                Forecast(known[first..], forecast);
            }

            forecasts[index] = forecast;
        });
        return forecasts;
    }

    /// <summary>
    /// Fills <paramref name="forecast"/> from a series' days from its first known one to the last of the history; a day
    /// of unknown demand in between is NaN.
    /// </summary>
    protected abstract void Forecast(ReadOnlySpan<float> units, Span<float> forecast);
}
