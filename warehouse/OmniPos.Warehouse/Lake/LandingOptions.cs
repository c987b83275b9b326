namespace OmniPos.Warehouse.Lake;

/// <summary>How much one landing run takes, how many events it reads from the store at a time, and whether it ends with the marts refresh.</summary>
/// <param name="EventsPerRun">Records per run: each run is one set of Parquet files per table and date, and one commit.</param>
/// <param name="PageSize">Events per read from the operational store.</param>
/// <param name="RefreshMarts">
/// Redo the weekly marts the runs changed once they are all landed (<see cref="AnalyticsWarehouse.RefreshMartsAsync"/>);
/// false leaves them queued for a refresh of its own, as the scheduled landing does, which chains one after it.
/// </param>
public sealed record LandingOptions(int EventsPerRun = 200_000, int PageSize = 20_000, bool RefreshMarts = true);
