using OmniPos.Warehouse.Promotions;

namespace OmniPos.Models.Evaluation;

/// <summary>One promotion's estimated incremental units beside the true ones.</summary>
public sealed record PromotionLiftCheck(string PromotionId, Estimate Estimated, double Truth)
{
    /// <summary>The estimate's error relative to the truth (a truth of zero counts any estimate as off by 100%).</summary>
    public double RelativeError => Truth == 0 ? 1 : (Estimated.Value - Truth) / Math.Abs(Truth);
}

/// <summary>
/// Promotion analysis scored against known incremental units (a simulation's ground truth): the share of promotions
/// estimated within <see cref="Tolerance"/> of the truth, and how often the intervals hold the truth (their coverage, to
/// set beside the confidence they claim).
/// </summary>
public sealed record PromotionLiftScore(IReadOnlyList<PromotionLiftCheck> Checks, double Tolerance)
{
    public int Count => Checks.Count;

    public double WithinTolerance => Count == 0 ? double.NaN : Checks.Count(c => Math.Abs(c.RelativeError) <= Tolerance) / (double)Count;

    public double Coverage => Count == 0 ? double.NaN : Checks.Count(c => c.Estimated.Covers(c.Truth)) / (double)Count;

    /// <summary>The promotions measured that the truth knows, complete ones only (a promotion whose dip has not landed is not finished).</summary>
    public static PromotionLiftScore Of(IEnumerable<PromotionResult> results, IReadOnlyDictionary<string, double> trueIncrementalUnits, double tolerance = 0.15) =>
        new([.. results.Where(r => r.Complete && trueIncrementalUnits.ContainsKey(r.PromotionId)).OrderBy(r => r.PromotionId, StringComparer.Ordinal)
            .Select(r => new PromotionLiftCheck(r.PromotionId, r.Units.Incremental, trueIncrementalUnits[r.PromotionId]))], tolerance);
}
