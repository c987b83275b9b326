using OmniPos.Core.Storage;

namespace OmniPos.Jobs.Forecasting;

/// <summary>Checks every reorder policy against the live stock: opens low-stock alerts and resolves recovered ones, with their webhook messages.</summary>
public sealed class StockAlertsJob(IOperationalStore store) : IScheduledJob
{
    public const string Name = "stock-alerts";

    public async Task<JobResult> RunAsync(CancellationToken cancellationToken)
    {
        var sweep = await store.Replenishment.SweepAsync(cancellationToken);
        return new JobResult(sweep.Opened.Count + sweep.Resolved.Count,
            $"{sweep.Checked:N0} policies checked: {sweep.Opened.Count:N0} alerts opened, {sweep.Resolved.Count:N0} resolved");
    }
}
