namespace OmniPos.Ingest.Simulation;

/// <summary>What a simulation produced, for its summary.</summary>
public sealed class SimulationTally
{
    public long Events { get; set; }

    public long Sales { get; set; }

    public long Returns { get; set; }

    public decimal Revenue { get; set; }

    public long UnitsSold { get; set; }

    public long Stockouts { get; set; }

    public long Settlements { get; set; }

    public long Chargebacks { get; set; }

    public int FraudCases { get; set; }

    public int OfflineBatches { get; set; }
}
