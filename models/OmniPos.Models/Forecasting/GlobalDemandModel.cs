using System.Globalization;
using OmniPos.Models.Xgboost;
using OmniPos.Warehouse.History;

namespace OmniPos.Models.Forecasting;

/// <summary>
/// One gradient-boosted model for every series (the approach of the leading M5 entries), forecasting each day of the
/// horizon directly from what was known at the origin (<see cref="DemandFeatures"/>): no forecast feeds another. It learns
/// from weekly origins of the history, each with the 28 days after it as targets, skipping days of unknown demand, with a
/// Tweedie objective (many zeros, a long right tail); the last 28 days are held out to stop boosting early.
/// </summary>
public sealed class GlobalDemandModel : IDisposable
{
    public const int Horizon = 28;

    private const int Week = 7;
    private const int MinimumHistoryDays = 28;

    /// <summary>The fewest days of history it trains on: some history before the first origin, a month of targets, a month held out.</summary>
    public const int MinimumDays = MinimumHistoryDays + 2 * Horizon;
    private const string FeaturesAttribute = "omnipos_features";

    private readonly XgboostBooster _booster;

    private GlobalDemandModel(XgboostBooster booster, int rows, int rounds)
    {
        _booster = booster;
        (TrainingRows, Rounds) = (rows, rounds);
    }

    /// <summary>The rows it learned from (0 for a loaded model).</summary>
    public int TrainingRows { get; }

    /// <summary>The boosting rounds the model kept.</summary>
    public int Rounds { get; }

    public static GlobalDemandModel Train(SalesHistory history, GlobalModelOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new GlobalModelOptions();
        var features = Features(history);
        var validationOrigin = history.Days - Horizon;
        var trainingOrigins = Enumerable.Range(0, options.YearsOfOrigins * 52)
            .Select(week => validationOrigin - Horizon - week * Week).Where(origin => origin >= MinimumHistoryDays).ToArray();
        if (trainingOrigins.Length == 0)
        {
            throw new InvalidOperationException($"The history has {history.Days} days; the global model needs at least {MinimumDays}.");
        }

        var candidates = (double)history.Series.Count * trainingOrigins.Length * Horizon;
        var share = Math.Min(1, options.MaximumRows / candidates);
        var training = RowSet.Sample(history, features, trainingOrigins, share, options.Seed, cancellationToken);
        var validation = RowSet.Sample(history, features, [validationOrigin], 1, options.Seed, cancellationToken);
        using var trainingMatrix = training.ToMatrix();
        using var validationMatrix = validation.ToMatrix();
        var settings = new BoosterSettings(Parameters(options.Seed), options.Rounds, options.EarlyStoppingRounds);
        var (booster, report) = XgboostBooster.Train(trainingMatrix, validationMatrix, settings, cancellationToken);
        booster.SetAttribute(FeaturesAttribute, string.Join(',', DemandFeatures.Names));
        return new GlobalDemandModel(booster, training.Count, report.BestRound + 1);
    }

    /// <summary>Loads a model saved by <see cref="Save"/>, refusing one trained on other features.</summary>
    public static GlobalDemandModel Load(string path)
    {
        var booster = XgboostBooster.Load(path);
        var saved = booster.GetAttribute(FeaturesAttribute);
        if (saved != string.Join(',', DemandFeatures.Names))
        {
            booster.Dispose();
            throw new InvalidDataException($"{path} is not a demand model of this version (its features: {saved ?? "none recorded"}); train it again");
        }

        return new GlobalDemandModel(booster, 0, booster.BoostedRounds);
    }

    public void Save(string path) => _booster.Save(path);

    /// <summary>Mean demand per series and day for the <paramref name="horizon"/> days from the history's end.</summary>
    public float[][] Forecast(SalesHistory history, int horizon = Horizon, CancellationToken cancellationToken = default)
    {
        var features = Features(history);
        var rows = RowSet.Full(features, history.Days, horizon, cancellationToken);
        using var matrix = rows.ToMatrix();
        var predictions = _booster.Predict(matrix);
        return Enumerable.Range(0, history.Series.Count)
            .Select(series => predictions.AsSpan(series * horizon, horizon).ToArray().Select(value => Math.Max(0, value)).ToArray()).ToArray();
    }

    public void Dispose() => _booster.Dispose();

    private static DemandFeatures[] Features(SalesHistory history) =>
        history.Series.AsParallel().AsOrdered().Select(series => new DemandFeatures(series, history.Calendar, history.Days)).ToArray();

    private static Dictionary<string, string> Parameters(int seed) => new()
    {
        ["objective"] = "reg:tweedie",
        ["tweedie_variance_power"] = "1.1",
        ["eval_metric"] = "rmse",
        ["tree_method"] = "hist",
        ["max_bin"] = "128",
        ["eta"] = "0.08",
        ["max_depth"] = "8",
        ["min_child_weight"] = "1",
        ["subsample"] = "0.8",
        ["colsample_bytree"] = "0.8",
        ["lambda"] = "1",
        ["seed"] = seed.ToString(CultureInfo.InvariantCulture),
        ["nthread"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
        ["verbosity"] = "0",
    };

    /// <summary>Rows of features, one per series, origin and horizon, with the demand of the target day as label.</summary>
    private sealed class RowSet(float[] values, float[] labels)
    {
        public int Count => labels.Length;

        public XgboostMatrix ToMatrix()
        {
            var matrix = XgboostMatrix.FromDense(values, labels.Length, DemandFeatures.Count);
            matrix.SetLabels(labels);
            return matrix;
        }

        /// <summary>
        /// Each series' rows from the given origins whose target day is known, each kept with chance <paramref name="share"/>
        /// (a generator per series, seeded from the model's seed and the series' place, so the sample depends neither on
        /// threads nor on the process: <see cref="HashCode"/> would differ from run to run). A series joins at an origin once it has
        /// <see cref="MinimumHistoryDays"/> days of history.
        /// </summary>
        public static RowSet Sample(SalesHistory history, DemandFeatures[] features, int[] origins, double share, int seed, CancellationToken cancellationToken)
        {
            var chosen = new List<(int Origin, int Horizon)>[features.Length];
            Parallel.For(0, features.Length, new ParallelOptions { CancellationToken = cancellationToken }, index =>
            {
                var random = new Random(unchecked((seed * 1_000_003) + index));
                var units = history.Series[index].Units;
                var rows = new List<(int, int)>();
                foreach (var origin in origins.Where(origin => origin - features[index].FirstKnownDay >= MinimumHistoryDays))
                {
                    for (var horizon = 1; horizon <= Horizon; horizon++)
                    {
                        var target = origin + horizon - 1;
                        if (random.NextDouble() < share && target < history.Days && !float.IsNaN(units[target]))
                        {
                            rows.Add((origin, horizon));
                        }
                    }
                }

                chosen[index] = rows;
            });
            return Build(features, chosen, (index, row) => history.Series[index].Units[row.Origin + row.Horizon - 1], cancellationToken);
        }

        /// <summary>Every series from one origin, horizons 1 to <paramref name="horizon"/>, in series order; labels are 0.</summary>
        public static RowSet Full(DemandFeatures[] features, int origin, int horizon, CancellationToken cancellationToken)
        {
            var rows = Enumerable.Range(1, horizon).Select(h => (origin, h)).ToList();
            return Build(features, features.Select(_ => rows).ToArray(), (_, _) => 0, cancellationToken);
        }

        private static RowSet Build(
            DemandFeatures[] features, List<(int Origin, int Horizon)>[] rows, Func<int, (int Origin, int Horizon), float> label, CancellationToken cancellationToken)
        {
            var offsets = new int[rows.Length + 1];
            for (var index = 0; index < rows.Length; index++)
            {
                offsets[index + 1] = offsets[index] + rows[index].Count;
            }

            var values = new float[(long)offsets[^1] * DemandFeatures.Count];
            var labels = new float[offsets[^1]];
            Parallel.For(0, rows.Length, new ParallelOptions { CancellationToken = cancellationToken }, index =>
            {
                for (var row = 0; row < rows[index].Count; row++)
                {
                    var at = offsets[index] + row;
                    features[index].Fill(values.AsSpan(at * DemandFeatures.Count, DemandFeatures.Count), rows[index][row].Origin, rows[index][row].Horizon);
                    labels[at] = label(index, rows[index][row]);
                }
            });
            return new RowSet(values, labels);
        }
    }
}
