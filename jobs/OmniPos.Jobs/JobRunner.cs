using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OmniPos.Jobs;

/// <summary>
/// Runs one run of a job, whoever asked for it (a firing of the scheduler, a retry, the command line): claims the job in
/// the history, keeps the claim's heartbeat going, runs the job's work and records how it ended.
/// </summary>
public sealed partial class JobRunner(IServiceProvider services, JobHistory history, IOptions<JobsOptions> settings, TimeProvider clock, ILogger<JobRunner> log)
{
    private readonly JobsOptions _options = settings.Value;

    /// <param name="waitForTurn">When another run of the job is going, wait for it to end (or its process to be found dead) rather than not run.</param>
    /// <param name="mayRetry">Whether a transient failure schedules another attempt (<see cref="RunEnd.RetryAt"/>).</param>
    public async Task<RunEnd> RunAsync(JobDefinition job, string cause, int attempt, DateTimeOffset? scheduledAt, bool waitForTurn, bool mayRetry,
        CancellationToken cancellationToken)
    {
        JobRun? run;
        while (true)
        {
            (run, var runningId) = await history.TryStartAsync(job.Name, cause, attempt, scheduledAt, cancellationToken);
            if (run is not null)
            {
                break;
            }

            if (!waitForTurn)
            {
                return new RunEnd(null, runningId, null, null);
            }

            await Task.Delay(TimeSpan.FromSeconds(_options.HeartbeatSeconds), clock, cancellationToken);
        }

        Started(log, job.Name, run.RunId, cause, attempt);
        using var beating = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = BeatAsync(run.RunId, beating.Token);
        try
        {
            var result = await WorkAsync(job, cancellationToken);
            await StopAsync(beating, heartbeat);
            await history.EndAsync(run.RunId, RunOutcomes.Succeeded, result.Rows, result.Summary, null, null, CancellationToken.None);
            Succeeded(log, job.Name, run.RunId, result.Summary);
            return new RunEnd(run with { Outcome = RunOutcomes.Succeeded, Rows = result.Rows, Summary = result.Summary }, null, null, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await StopAsync(beating, heartbeat);
            await history.EndAsync(run.RunId, RunOutcomes.Interrupted, null, "the server stopped it", null, null, CancellationToken.None);
            throw;
        }
        catch (Exception failure)
        {
            await StopAsync(beating, heartbeat);
            var retryAt = mayRetry && attempt < _options.MaxAttempts && TransientFailures.IsTransient(failure)
                ? clock.GetUtcNow() + _options.RetryDelay(attempt + 1)
                : (DateTimeOffset?)null;
            var outcome = retryAt is null ? RunOutcomes.Failed : RunOutcomes.Retrying;
            await history.EndAsync(run.RunId, outcome, null, failure.Message, failure.ToString(), retryAt, CancellationToken.None);
            Failed(log, failure, job.Name, run.RunId, attempt, retryAt);
            return new RunEnd(run with { Outcome = outcome, Error = failure.ToString(), RetryAt = retryAt }, null, failure, retryAt);
        }
    }

    private Task<JobResult> WorkAsync(JobDefinition job, CancellationToken cancellationToken) =>
        ((IScheduledJob)ActivatorUtilities.CreateInstance(services, job.JobType)).RunAsync(cancellationToken);

    private async Task BeatAsync(string runId, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.HeartbeatSeconds), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await history.BeatAsync(runId, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The job store may be down for a moment; a run stays claimed until StaleAfterSeconds pass without a beat.
                    BeatFailed(log, runId, e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
    }

    private static async Task StopAsync(CancellationTokenSource beating, Task heartbeat)
    {
        await beating.CancelAsync();
        await heartbeat;
    }

    [LoggerMessage(1, LogLevel.Debug, "Job {Job} run {RunId} started ({Cause}, attempt {Attempt})")]
    private static partial void Started(ILogger logger, string job, string runId, string cause, int attempt);

    [LoggerMessage(2, LogLevel.Information, "Job {Job} run {RunId} succeeded: {Summary}")]
    private static partial void Succeeded(ILogger logger, string job, string runId, string summary);

    [LoggerMessage(3, LogLevel.Error, "Job {Job} run {RunId} (attempt {Attempt}) failed; retried at {RetryAt}")]
    private static partial void Failed(ILogger logger, Exception failure, string job, string runId, int attempt, DateTimeOffset? retryAt);

    [LoggerMessage(4, LogLevel.Warning, "Job run {RunId}: its heartbeat could not be recorded ({Reason})")]
    private static partial void BeatFailed(ILogger logger, string runId, string reason);
}

/// <summary>How a run ended: the run as recorded, or, when the job was taken, the run that had it.</summary>
/// <param name="RetryAt">When the next attempt is due, for a run that failed transiently with attempts left.</param>
public sealed record RunEnd(JobRun? Run, string? TakenBy, Exception? Failure, DateTimeOffset? RetryAt)
{
    public bool Succeeded => Run?.Outcome == RunOutcomes.Succeeded;
}
