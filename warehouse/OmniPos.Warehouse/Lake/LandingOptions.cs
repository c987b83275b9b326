namespace OmniPos.Warehouse.Lake;

/// <summary>How much one landing run takes, and how many events it reads from the store at a time.</summary>
/// <param name="EventsPerRun">Records per run: each run is one set of Parquet files per table and date, and one commit.</param>
/// <param name="PageSize">Events per read from the operational store.</param>
public sealed record LandingOptions(int EventsPerRun = 200_000, int PageSize = 20_000);
