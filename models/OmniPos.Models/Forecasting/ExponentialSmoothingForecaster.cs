using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace OmniPos.Models.Forecasting;

/// <summary>
/// Additive exponential smoothing with a weekly season and no trend (ETS(A,N,A)), fitted per series by Nelder–Mead
/// (MathNet) on the one-step errors of its last two years. A day of unknown demand updates nothing: the season moves on
/// and the level waits.
/// </summary>
public sealed class ExponentialSmoothingForecaster : SeriesForecaster
{
    private const int Week = 7;
    private const int FittedDays = 728;
    private const int BurnInDays = 28;

    public const string MethodName = "exponential smoothing";

    public override string Name => MethodName;

    protected override void Forecast(ReadOnlySpan<float> units, Span<float> forecast)
    {
        var fitted = units[Math.Max(0, units.Length - FittedDays)..];
        var (alpha, gamma) = Fit(fitted.ToArray());
        var state = Smooth(fitted, alpha, gamma, out _);
        for (var day = 0; day < forecast.Length; day++)
        {
            forecast[day] = (float)Math.Max(0, state.Level + state.Season[(fitted.Length + day) % Week]);
        }
    }

    private static (double Alpha, double Gamma) Fit(float[] units)
    {
        var start = Vector<double>.Build.DenseOfArray([Logit(0.1), Logit(0.05)]);
        var objective = ObjectiveFunction.Value(point =>
        {
            var (alpha, gamma) = Parameters(point);
            Smooth(units, alpha, gamma, out var squaredErrors);
            return squaredErrors;
        });
        try
        {
            return Parameters(new NelderMeadSimplex(1e-6, 400).FindMinimum(objective, start).MinimizingPoint);
        }
        catch (MaximumIterationsException)
        {
            return Parameters(start);
        }
    }

    /// <summary>α in (0, 1) and γ in (0, 1 − α), the region where the additive model is forecastable.</summary>
    private static (double Alpha, double Gamma) Parameters(Vector<double> point)
    {
        var alpha = Logistic(point[0]);
        return (alpha, (1 - alpha) * Logistic(point[1]));
    }

    private static SmoothingState Smooth(ReadOnlySpan<float> units, double alpha, double gamma, out double squaredErrors)
    {
        var state = SmoothingState.Initial(units);
        squaredErrors = 0;
        for (var day = 0; day < units.Length; day++)
        {
            if (float.IsNaN(units[day]))
            {
                continue;
            }

            var weekday = day % Week;
            var error = units[day] - (state.Level + state.Season[weekday]);
            if (day >= BurnInDays)
            {
                squaredErrors += error * error;
            }

            state.Level += alpha * error;
            state.Season[weekday] += gamma * error;
        }

        return state;
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    private static double Logit(double p) => Math.Log(p / (1 - p));

    /// <summary>The level and the seven seasonal offsets, by day of the fitted span modulo seven.</summary>
    private sealed class SmoothingState
    {
        public double Level { get; set; }

        public double[] Season { get; } = new double[Week];

        /// <summary>The level as the mean of the first four weeks' known days, each weekday's offset as its mean there less the level.</summary>
        public static SmoothingState Initial(ReadOnlySpan<float> units)
        {
            var state = new SmoothingState();
            var (sums, counts) = (new double[Week], new int[Week]);
            for (var day = 0; day < Math.Min(units.Length, 4 * Week); day++)
            {
                if (!float.IsNaN(units[day]))
                {
                    sums[day % Week] += units[day];
                    counts[day % Week]++;
                }
            }

            var known = counts.Sum();
            state.Level = known == 0 ? 0 : sums.Sum() / known;
            for (var weekday = 0; weekday < Week; weekday++)
            {
                state.Season[weekday] = counts[weekday] == 0 ? 0 : sums[weekday] / counts[weekday] - state.Level;
            }

            return state;
        }
    }
}
