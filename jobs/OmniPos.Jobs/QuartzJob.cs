using Quartz;

namespace OmniPos.Jobs;

/// <summary>
/// What Quartz runs for every job: the job named by its key, through <see cref="JobRunner"/>. Quartz never runs two
/// firings of one key at once, across the cluster too, and a firing's node that dies mid-run has it run again elsewhere
/// (<see cref="IJobExecutionContext.Recovering"/>). A transient failure schedules the next attempt as a one-off trigger;
/// a success fires the jobs that follow.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class QuartzJob(JobCatalog catalog, JobRunner runner) : IJob
{
    public const string Group = "omnipos";
    public const string CauseKey = "cause";
    public const string AttemptKey = "attempt";
    private const string RetryGroup = "retries";

    public async Task Execute(IJobExecutionContext context)
    {
        var job = catalog.Get(context.JobDetail.Key.Name);
        var data = context.MergedJobDataMap;
        var cause = context.Recovering ? RunCauses.Recovery : data.TryGetString(CauseKey, out var given) && given is not null ? given : RunCauses.Schedule;
        var attempt = data.TryGetString(AttemptKey, out var text) && text is not null ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 1;
        var end = await runner.RunAsync(job, cause, attempt, context.ScheduledFireTimeUtc, waitForTurn: true, mayRetry: true, context.CancellationToken);
        if (end.RetryAt is { } retryAt)
        {
            await context.Scheduler.ScheduleJob(TriggerBuilder.Create()
                .WithIdentity($"{job.Name}-{end.Run!.RunId}", RetryGroup)
                .ForJob(context.JobDetail.Key)
                .UsingJobData(CauseKey, RunCauses.Retry)
                .UsingJobData(AttemptKey, (attempt + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
                .StartAt(retryAt)
                .WithSimpleSchedule(s => s.WithMisfireHandlingInstructionFireNow())
                .Build(), context.CancellationToken);
        }
        else if (end.Succeeded)
        {
            foreach (var next in job.Then)
            {
                await context.Scheduler.TriggerJob(new JobKey(next, Group), new JobDataMap { [CauseKey] = RunCauses.Chained }, context.CancellationToken);
            }
        }
    }
}
