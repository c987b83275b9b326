namespace OmniPos.Jobs.Warehouse;

/// <summary>Redoes the weekly marts of what landing changed; chained after each landing.</summary>
public sealed class MartsRefreshJob(WarehouseSessions warehouse) : IScheduledJob
{
    public const string Name = "marts";

    public async Task<JobResult> RunAsync(CancellationToken cancellationToken)
    {
        var redone = await warehouse.UseAsync(w => w.RefreshMartsAsync(cancellationToken), cancellationToken);
        return new JobResult(redone, $"weekly sell-through redone for {redone:N0} store-SKU pairs");
    }
}
