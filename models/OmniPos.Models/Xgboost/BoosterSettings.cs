namespace OmniPos.Models.Xgboost;

/// <summary>
/// How to train a booster: XGBoost's own parameters by their documented names (<c>objective</c>, <c>eta</c>,
/// <c>max_depth</c>, <c>eval_metric</c>, …), the most boosting rounds, and how many rounds without improvement on the
/// validation set stop training early (none: train every round).
/// </summary>
internal sealed record BoosterSettings(IReadOnlyDictionary<string, string> Parameters, int Rounds, int? EarlyStoppingRounds = null)
{
    /// <summary>Metrics for which a larger value is better; for every other metric XGBoost names, smaller is better.</summary>
    private static readonly string[] MaximizedMetrics = ["auc", "aucpr", "map", "ndcg", "pre"];

    public static bool IsMaximized(string metric) =>
        MaximizedMetrics.Any(prefix => metric.Equals(prefix, StringComparison.Ordinal) || metric.StartsWith(prefix + "@", StringComparison.Ordinal));
}
