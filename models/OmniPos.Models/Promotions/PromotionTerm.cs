namespace OmniPos.Models.Promotions;

/// <summary>
/// One group and span of days of a promotion's effect, as actual − baseline: the model's baseline units scaled by the
/// group's level (how far the model ran off on it before the promotion) and the span's shift (how that error moved since),
/// and valued at the group's regular value per unit.
/// </summary>
internal sealed record PromotionTerm(MeasureTotals Totals, double[] ValuePerUnit, Calibration Level, Calibration Shift, Span Span)
{
    public double Baseline(int measure) => Level.Factor * Shift.Factor * Uncalibrated(measure);

    public double Effect(int measure) => Totals.Actual[measure] - Baseline(measure);

    /// <summary>
    /// The variance of a sum of terms: each one's sampling variance, the model's relative error on the baseline (taken as
    /// shared by the terms of one span, which have a department and days in common), and the error of each level and
    /// shift, over the terms it scales.
    /// </summary>
    public static double Variance(IReadOnlyList<PromotionTerm> terms, int measure, double modelError)
    {
        var variance = terms.Sum(t => t.Totals.Variance[measure]);
        foreach (var span in terms.GroupBy(t => t.Span))
        {
            var baseline = span.Sum(t => t.Baseline(measure));
            variance += modelError * modelError * baseline * baseline;
        }

        foreach (var leveled in terms.GroupBy(t => t.Level))
        {
            var scaled = leveled.Sum(t => t.Shift.Factor * t.Uncalibrated(measure));
            variance += scaled * scaled * leveled.Key.Variance;
        }

        foreach (var shifted in terms.GroupBy(t => t.Shift))
        {
            var scaled = shifted.Sum(t => t.Level.Factor * t.Uncalibrated(measure));
            variance += scaled * scaled * shifted.Key.Variance;
        }

        return variance;
    }

    /// <summary>The variance of the baseline alone: the model's relative error on it, and its level's and shift's.</summary>
    public double BaselineVariance(int measure, double modelError) => Variance([this], measure, modelError) - Totals.Variance[measure];

    private double Uncalibrated(int measure) => Totals.BaselineUnits * ValuePerUnit[measure];
}
