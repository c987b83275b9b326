using OmniPos.Ingest.Webhooks;

namespace OmniPos.Jobs;

/// <summary>Removes what has been kept long enough: settled webhook deliveries and old job runs.</summary>
public sealed class HousekeepingJob(WebhookDispatcher dispatcher, JobHistory history) : IScheduledJob
{
    public const string Name = "housekeeping";

    public async Task<JobResult> RunAsync(CancellationToken cancellationToken)
    {
        var deliveries = await dispatcher.PruneAsync(cancellationToken);
        var runs = await history.PruneAsync(cancellationToken);
        return new JobResult(deliveries + runs, $"{deliveries:N0} settled webhook deliveries and {runs:N0} job runs removed");
    }
}
