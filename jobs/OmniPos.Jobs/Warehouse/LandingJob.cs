using OmniPos.Core.Storage;
using OmniPos.Warehouse.Lake;

namespace OmniPos.Jobs.Warehouse;

/// <summary>Lands what the store accepted since the last landing into the lake and the warehouse; the marts refresh follows it.</summary>
public sealed class LandingJob(IOperationalStore store, WarehouseSessions warehouse) : IScheduledJob
{
    public const string Name = "landing";

    public async Task<JobResult> RunAsync(CancellationToken cancellationToken)
    {
        var report = await warehouse.UseAsync(w => w.LandAsync(store, new LandingOptions(RefreshMarts: false), cancellationToken: cancellationToken), cancellationToken);
        return new JobResult(report.Events + report.ProcessorRecords,
            $"{report.Events:N0} events and {report.ProcessorRecords:N0} processor records landed ({report.Rows:N0} fact rows, {report.Files:N0} files); "
            + $"event watermark {report.EventWatermark:N0}");
    }
}
