namespace OmniPos.Ingest.Simulation;

/// <summary>
/// What a promotion truly did, in expected units (before stockouts) and margin: its SKUs' demand with and without it,
/// what its substitutes lost, what its complements gained and what its SKUs lost in the week after it.
/// </summary>
public sealed class PromotionTruth(PromotionPlan plan)
{
    public PromotionPlan Plan { get; } = plan;

    public double BaselineUnits { get; set; }

    public double ExpectedUnits { get; set; }

    public double CannibalizedUnits { get; set; }

    public double HaloUnits { get; set; }

    public double DipUnits { get; set; }

    public double BaselineMargin { get; set; }

    public double ExpectedMargin { get; set; }

    public double CannibalizedMargin { get; set; }

    public double HaloMargin { get; set; }

    public double DipMargin { get; set; }

    public double IncrementalUnits => ExpectedUnits - BaselineUnits - CannibalizedUnits + HaloUnits - DipUnits;

    public double IncrementalMargin => ExpectedMargin - BaselineMargin - CannibalizedMargin + HaloMargin - DipMargin;
}
