using OmniPos.Models.Evaluation;
using OmniPos.Warehouse.History;

namespace OmniPos.Models.Forecasting;

/// <summary>
/// Forecasts every series 28 days ahead with the method that did best for its demand class in three rolling-origin
/// backtests (forecasting each of the last three 28-day windows from a view of the past that ends before it), scored as the
/// M5 competition scores (WRMSSE, weighted by recent dollar sales). The candidates: seasonal naive, exponential smoothing,
/// TSB, the global gradient-boosted model and the mean of the last two. Every backtest trains its own global model on its
/// view (one trained before the first window would be judged older than the final model will be), and the final one
/// learns from the whole history. Each series' error in its chosen method's backtests sizes its quantiles.
/// </summary>
public sealed class DemandForecasting(GlobalModelOptions? globalOptions = null)
{
    public const int Horizon = GlobalDemandModel.Horizon;
    public const string Global = "global";
    public const string Blend = "global + exponential smoothing";

    private static readonly SeriesForecaster[] Baselines = [new SeasonalNaiveForecaster(), new ExponentialSmoothingForecaster(), new TsbForecaster()];

    private const int BacktestWindows = 3;

    /// <summary>The fewest days of history that give every backtest a global model to train.</summary>
    public static int MinimumDays => BacktestWindows * Horizon + GlobalDemandModel.MinimumDays;

    public DemandForecast Run(SalesHistory history, CancellationToken cancellationToken = default)
    {
        if (history.Days < MinimumDays)
        {
            throw new InvalidOperationException($"The history has {history.Days} days; forecasting needs at least {MinimumDays}.");
        }

        var origins = Enumerable.Range(1, BacktestWindows).Reverse().Select(window => history.Days - window * Horizon).ToArray();
        var backtests = Backtest(history, origins, cancellationToken);
        var patterns = history.Series.Select(series => DemandPatterns.Classify(series.Units, origins[0])).ToArray();
        var scores = Enum.GetValues<DemandPattern>().ToDictionary(pattern => pattern, pattern =>
        {
            var members = Enumerable.Range(0, patterns.Length).Where(index => patterns[index] == pattern).ToList();
            return (IReadOnlyDictionary<string, double>)backtests[0].Keys.ToDictionary(method => method, method =>
                origins.Select((origin, window) => Accuracy(history, origin).Score(method, backtests[window][method], members).Wrmsse).Average());
        });
        // A class no series had in the backtests has no scores: a series that joins it later gets the blend.
        var choices = scores.ToDictionary(score => score.Key, score => score.Value.Where(s => !double.IsNaN(s.Value)).DefaultIfEmpty(new(Blend, 0)).MinBy(s => s.Value).Key);

        var candidates = Candidates(history, cancellationToken);
        var series = history.Series.Select((series, index) =>
        {
            var pattern = DemandPatterns.Classify(series.Units, history.Days);
            var method = choices[pattern];
            var error = DailyError(history, origins, index, backtests.Select(window => window[method][index]).ToArray());
            return new SeriesForecast(series.Key, pattern, method, candidates[method][index], error);
        }).ToList();
        return new DemandForecast(history.Calendar.DateOf(history.Days), series, choices, scores, candidates);
    }

    /// <summary>Each window's candidates from the view of the past before it, the global model trained on that view alone.</summary>
    private Dictionary<string, float[][]>[] Backtest(SalesHistory history, int[] origins, CancellationToken cancellationToken) =>
        origins.Select(origin => Candidates(history.KnownBefore(origin), cancellationToken)).ToArray();

    private Dictionary<string, float[][]> Candidates(SalesHistory view, CancellationToken cancellationToken)
    {
        using var model = GlobalDemandModel.Train(view, globalOptions, cancellationToken);
        return Candidates(view, model, cancellationToken);
    }

    private static Dictionary<string, float[][]> Candidates(SalesHistory view, GlobalDemandModel model, CancellationToken cancellationToken)
    {
        var candidates = Baselines.ToDictionary(baseline => baseline.Name, baseline => baseline.Forecast(view, Horizon, cancellationToken));
        var global = model.Forecast(view, Horizon, cancellationToken);
        candidates[Global] = global;
        var smoothing = candidates[ExponentialSmoothingForecaster.MethodName];
        candidates[Blend] = global.Select((days, series) => days.Select((value, day) => (value + smoothing[series][day]) / 2).ToArray()).ToArray();
        return candidates;
    }

    private static ForecastAccuracy Accuracy(SalesHistory history, int origin) =>
        new(history, origin, ForecastAccuracy.DollarSalesWeights(history, origin));

    /// <summary>The root mean squared error of a series' backtest forecasts over its known days (0 when none was known).</summary>
    private static float DailyError(SalesHistory history, int[] origins, int series, float[][] forecasts)
    {
        var units = history.Series[series].Units;
        var (squares, days) = (0.0, 0);
        for (var window = 0; window < origins.Length; window++)
        {
            for (var day = 0; day < Horizon; day++)
            {
                var actual = units[origins[window] + day];
                if (!float.IsNaN(actual))
                {
                    var error = actual - (double)forecasts[window][day];
                    (squares, days) = (squares + error * error, days + 1);
                }
            }
        }

        return days == 0 ? 0 : (float)Math.Sqrt(squares / days);
    }
}
