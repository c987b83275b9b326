using System.Diagnostics;
using OmniPos.Models.Forecasting;
using OmniPos.Warehouse;
using OmniPos.Warehouse.History;

namespace OmniPos.Models.Evaluation;

/// <summary>
/// The last 28 days of a history held out: every candidate and the chosen combination forecast them from the days
/// before, and are scored side by side on the same series (<see cref="Scores"/>, the chosen last). <see cref="Elapsed"/> is
/// the time of training and forecasting, backtests included.
/// </summary>
public sealed record HoldoutEvaluation(
    int Series, DateOnly From, DateOnly To, string Weights, IReadOnlyList<ForecastScore> Scores, DemandForecast Forecast, TimeSpan Elapsed)
{
    public const int HeldOutDays = DemandForecasting.Horizon;

    public ForecastScore ScoreOf(string forecaster) => Scores.Single(score => score.Forecaster == forecaster);

    /// <summary>
    /// Imports a folder in the M5 layout into a warehouse of its own (removed afterwards) and evaluates it, weighted by the
    /// folder's official weights when it has weights_validation.csv, else by each series' dollar sales over the 28 days
    /// before the held-out ones.
    /// </summary>
    public static HoldoutEvaluation OfM5Folder(string folder, GlobalModelOptions? options = null, CancellationToken cancellationToken = default)
    {
        var directory = Directory.CreateTempSubdirectory("omnipos-m5-");
        try
        {
            SalesHistory history;
            using (var warehouse = AnalyticsWarehouse.Open(directory.FullName))
            {
                warehouse.ImportM5History(folder, cancellationToken);
                history = warehouse.ReadSalesHistory(cancellationToken)!;
            }

            var weightsFile = M5Weights.FileIn(folder);
            return weightsFile is null
                ? Of(history, null, "dollar sales of the 28 days before", options, cancellationToken)
                : Of(history, M5Weights.Read(weightsFile, history), $"M5 level-12 weights of {Path.GetFileName(weightsFile)}", options, cancellationToken);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <param name="weights">Per series, any scale; null weighs by dollar sales over the 28 days before the held-out days.</param>
    public static HoldoutEvaluation Of(
        SalesHistory history, double[]? weights, string weighting, GlobalModelOptions? options = null, CancellationToken cancellationToken = default)
    {
        var origin = history.Days - HeldOutDays;
        var clock = Stopwatch.StartNew();
        var forecast = new DemandForecasting(options).Run(history.KnownBefore(origin), cancellationToken);
        var elapsed = clock.Elapsed;

        var accuracy = new ForecastAccuracy(history, origin, weights ?? ForecastAccuracy.DollarSalesWeights(history, origin));
        var scores = forecast.Candidates.Select(candidate => accuracy.Score(candidate.Key, candidate.Value))
            .Append(accuracy.Score(DemandForecast.Chosen, forecast.Means())).ToList();
        return new HoldoutEvaluation(
            history.Series.Count, history.Calendar.DateOf(origin), history.Calendar.DateOf(history.Days - 1), weighting, scores, forecast, elapsed);
    }
}
