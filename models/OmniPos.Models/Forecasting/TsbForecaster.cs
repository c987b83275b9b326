namespace OmniPos.Models.Forecasting;

/// <summary>
/// Teunter–Syntetos–Babai's method for intermittent demand: the chance of a sale on a day and the size of a sale are
/// smoothed apart (the chance every known day, the size only on days that sold), and the forecast is their product, flat
/// over the horizon. Unlike Croston's, the chance decays through a long run without sales, so an item that stopped selling
/// stops being forecast. The two smoothing constants are chosen per series from a grid, by one-step squared error.
/// </summary>
public sealed class TsbForecaster : SeriesForecaster
{
    private static readonly double[] Grid = [0.02, 0.05, 0.1, 0.2, 0.3];

    public override string Name => "TSB";

    protected override void Forecast(ReadOnlySpan<float> units, Span<float> forecast)
    {
        var best = (Error: double.MaxValue, Value: 0.0);
        foreach (var sizeConstant in Grid)
        {
            foreach (var chanceConstant in Grid)
            {
                var (error, value) = Smooth(units, sizeConstant, chanceConstant);
                if (error < best.Error)
                {
                    best = (error, value);
                }
            }
        }

        forecast.Fill((float)best.Value);
    }

    private static (double SquaredErrors, double Forecast) Smooth(ReadOnlySpan<float> units, double sizeConstant, double chanceConstant)
    {
        var (size, chance, squaredErrors, started) = (0.0, 0.0, 0.0, false);
        foreach (var value in units)
        {
            if (float.IsNaN(value))
            {
                continue;
            }

            if (!started)
            {
                (size, chance, started) = (Math.Max(value, 1), value > 0 ? 1 : 0.5, true);
                continue;
            }

            var error = value - chance * size;
            squaredErrors += error * error;
            chance += chanceConstant * ((value > 0 ? 1 : 0) - chance);
            if (value > 0)
            {
                size += sizeConstant * (value - size);
            }
        }

        return (squaredErrors, chance * size);
    }
}
