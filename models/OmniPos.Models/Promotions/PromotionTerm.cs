namespace OmniPos.Models.Promotions;

/// <summary>
/// One group and span of days of a promotion's effect, as actual − baseline: the model's baseline units scaled by the
/// span's calibration and valued at the group's regular value per unit.
/// </summary>
internal sealed record PromotionTerm(MeasureTotals Totals, double[] ValuePerUnit, Calibration Calibration, int Span)
{
    public double Baseline(int measure) => Calibration.Factor * Uncalibrated(measure);

    public double Effect(int measure) => Totals.Actual[measure] - Baseline(measure);

    /// <summary>
    /// The variance of a sum of terms: each one's sampling variance, the model's relative error on the baseline (taken as
    /// shared by the terms of one span, which have a department and days in common), and each calibration's error.
    /// </summary>
    public static double Variance(IReadOnlyList<PromotionTerm> terms, int measure, double modelError)
    {
        var variance = terms.Sum(t => t.Totals.Variance[measure]);
        foreach (var span in terms.GroupBy(t => t.Span))
        {
            var baseline = span.Sum(t => t.Baseline(measure));
            variance += modelError * modelError * baseline * baseline;
        }

        foreach (var calibrated in terms.GroupBy(t => t.Calibration))
        {
            var uncalibrated = calibrated.Sum(t => t.Uncalibrated(measure));
            variance += uncalibrated * uncalibrated * calibrated.Key.Variance;
        }

        return variance;
    }

    /// <summary>The variance of the baseline alone: the model's relative error on it and its calibration's.</summary>
    public double BaselineVariance(int measure, double modelError)
    {
        var (baseline, uncalibrated) = (Baseline(measure), Uncalibrated(measure));
        return (modelError * modelError * baseline * baseline) + (uncalibrated * uncalibrated * Calibration.Variance);
    }

    private double Uncalibrated(int measure) => Totals.BaselineUnits * ValuePerUnit[measure];
}
