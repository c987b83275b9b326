using OmniPos.Core.Storage;
using OmniPos.Jobs.Warehouse;
using OmniPos.Models.LossPrevention;

namespace OmniPos.Jobs.LossPrevention;

/// <summary>Scans the latest landed days for fraud (<see cref="FraudScan"/>) every 15 minutes: new cases join the loss-prevention queue with their webhook.</summary>
public sealed class FraudScanJob(WarehouseSessions warehouse, IOperationalStore store, FraudScan scan) : IScheduledJob
{
    public const string Name = "fraud-scan";

    public async Task<JobResult> RunAsync(CancellationToken cancellationToken)
    {
        var report = await warehouse.UseAsync(w => scan.RunAsync(w, store, cancellationToken), cancellationToken);
        return report is null
            ? new JobResult(0, "nothing landed yet to scan")
            : new JobResult(report.Kept.Raised.Count,
                $"{report.From:yyyy-MM-dd} to {report.Through:yyyy-MM-dd}: {report.RuleFindings:N0} rule findings, {report.BehaviourAlerts:N0} behaviour alerts; "
                + $"{report.Kept.Raised.Count:N0} raised, {report.Kept.Updated:N0} updated{(report.SupervisedModel ? $"; scored by the model trained on {report.Labels:N0} labels" : "")}");
    }
}
