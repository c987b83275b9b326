namespace OmniPos.Jobs;

/// <summary>
/// The work of one job. A new instance is made for each run, its constructor's parameters taken from the server's
/// services. It throws to fail; a transient failure (see <see cref="TransientFailures"/>) is retried with backoff.
/// </summary>
public interface IScheduledJob
{
    Task<JobResult> RunAsync(CancellationToken cancellationToken);
}

/// <summary>What a run did: the rows (events, records, files, deliveries) it handled and a line saying what they were.</summary>
public sealed record JobResult(long Rows, string Summary);
