namespace OmniPos.Jobs.Warehouse;

/// <summary>Merges the lake's small part files, per table and business date.</summary>
public sealed class LakeCompactionJob(WarehouseSessions warehouse) : IScheduledJob
{
    public const string Name = "compaction";

    public async Task<JobResult> RunAsync(CancellationToken cancellationToken)
    {
        var (partitions, files) = await warehouse.UseAsync(w => w.CompactAsync(cancellationToken: cancellationToken), cancellationToken);
        return new JobResult(files, $"{files:N0} part files merged into {partitions:N0}");
    }
}
