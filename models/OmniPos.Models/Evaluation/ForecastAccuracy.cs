using OmniPos.Warehouse.History;

namespace OmniPos.Models.Evaluation;

/// <summary>
/// Accuracy as the M5 competition's guide defines it. Each series' RMSSE is the root of its mean squared error over the
/// forecast days divided by the mean squared one-day change of its history from its first sale (so a series that moves a
/// lot is not punished for it); WRMSSE weighs the series' RMSSEs (weights summing to one), and WAPE is the absolute error
/// over all series and days as a share of the units. Days of unknown demand are not scored, and a series with no known day
/// to score, or whose history never changed, drops out (its weight shared among the rest).
/// </summary>
public sealed class ForecastAccuracy
{
    private readonly SalesHistory _actual;
    private readonly int _origin;
    private readonly double[] _weights;
    private readonly double[] _scales;

    /// <param name="actual">The history with the forecast days known.</param>
    /// <param name="origin">The first forecast day: everything before it was the forecasters' history.</param>
    /// <param name="weights">Per series of <paramref name="actual"/>, any scale (renormalized over the series scored).</param>
    public ForecastAccuracy(SalesHistory actual, int origin, double[] weights)
    {
        _actual = actual;
        _origin = origin;
        _weights = weights;
        _scales = actual.Series.Select(series => Scale(series.Units.AsSpan(0, origin))).ToArray();
    }

    public ForecastScore Score(string forecaster, float[][] forecasts, IReadOnlyList<int>? subset = null)
    {
        var (weighted, weights, absoluteErrors, units) = (0.0, 0.0, 0.0, 0.0);
        foreach (var index in subset ?? Enumerable.Range(0, _actual.Series.Count).ToArray())
        {
            var actual = _actual.Series[index].Units;
            var (squaredErrors, days) = (0.0, 0);
            for (var day = 0; day < forecasts[index].Length && _origin + day < _actual.Days; day++)
            {
                var value = actual[_origin + day];
                if (float.IsNaN(value))
                {
                    continue;
                }

                var error = value - (double)forecasts[index][day];
                (squaredErrors, days) = (squaredErrors + error * error, days + 1);
                (absoluteErrors, units) = (absoluteErrors + Math.Abs(error), units + value);
            }

            if (days > 0 && _scales[index] > 0 && _weights[index] > 0)
            {
                weighted += _weights[index] * Math.Sqrt(squaredErrors / days / _scales[index]);
                weights += _weights[index];
            }
        }

        return new ForecastScore(forecaster, weights > 0 ? weighted / weights : double.NaN, units > 0 ? absoluteErrors / units : double.NaN);
    }

    /// <summary>Each series' dollar sales over the <paramref name="days"/> days before <paramref name="origin"/>: M5's weights.</summary>
    public static double[] DollarSalesWeights(SalesHistory history, int origin, int days = 28) =>
        history.Series.Select(series =>
        {
            var sales = 0.0;
            for (var day = Math.Max(0, origin - days); day < origin; day++)
            {
                if (!float.IsNaN(series.Units[day]) && !float.IsNaN(series.Prices[day]))
                {
                    sales += series.Units[day] * (double)series.Prices[day];
                }
            }

            return sales;
        }).ToArray();

    /// <summary>The mean squared change between consecutive known days, from the first sale on (0 when there are none).</summary>
    internal static double Scale(ReadOnlySpan<float> history)
    {
        var first = 0;
        while (first < history.Length && !(history[first] > 0))
        {
            first++;
        }

        var (sum, pairs) = (0.0, 0);
        for (var day = first + 1; day < history.Length; day++)
        {
            if (!float.IsNaN(history[day]) && !float.IsNaN(history[day - 1]))
            {
                var change = history[day] - (double)history[day - 1];
                (sum, pairs) = (sum + change * change, pairs + 1);
            }
        }

        return pairs == 0 ? 0 : sum / pairs;
    }
}
