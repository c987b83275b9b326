using OmniPos.Warehouse.LossPrevention;

namespace OmniPos.Models.LossPrevention;

/// <summary>How the fraud scan looks (the <c>LossPrevention</c> settings): the rules' thresholds, the days scanned and the peers' baseline, when behaviour alone raises an alert, and when analysts' verdicts are enough to learn from.</summary>
public sealed record FraudScanSettings
{
    public ExceptionThresholds Rules { get; init; } = new();

    /// <summary>Business days scanned up to the latest landed one: cases found again update their alerts.</summary>
    public int ScanDays { get; init; } = 7;

    /// <summary>Business days of peers' behaviour an isolation forest learns what is ordinary from.</summary>
    public int BaselineDays { get; init; } = 56;

    /// <summary>A subject-day no rule flagged raises a behaviour alert from this isolation-forest score on…</summary>
    public double AnomalyThreshold { get; init; } = 0.75;

    /// <summary>…with at least one figure this many robust standard deviations out in the suspect direction.</summary>
    public double AnomalyMinZ { get; init; } = 8;

    /// <summary>Reviewed alerts needed (of each verdict, <see cref="MinimumLabelsEach"/>) before a supervised model scores.</summary>
    public int MinimumLabels { get; init; } = 40;

    public int MinimumLabelsEach { get; init; } = 10;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>(Rules.Problems());
        if (ScanDays is < 1 or > 366 || BaselineDays < ScanDays || BaselineDays > 730)
        {
            problems.Add("ScanDays is 1 to 366 and BaselineDays from ScanDays to 730");
        }

        if (AnomalyThreshold is <= 0.5 or > 1 || AnomalyMinZ <= 0 || MinimumLabels < 2 || MinimumLabelsEach < 1)
        {
            problems.Add("AnomalyThreshold is above 0.5 and at most 1, AnomalyMinZ above 0, and the label counts at least 2 and 1");
        }

        return problems;
    }
}
