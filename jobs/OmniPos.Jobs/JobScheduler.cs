using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace OmniPos.Jobs;

/// <summary>
/// The Quartz.NET scheduler of one node, over the job store beside the operational store (<see cref="JobStoreDatabase"/>):
/// at start it creates the store's tables, registers every job of the <see cref="JobCatalog"/> with its schedule (a
/// schedule left as it was keeps its place, so firings missed while no node ran catch up once), and starts firing; at
/// stop it waits for the running jobs to finish.
/// </summary>
public sealed partial class JobScheduler(
    JobCatalog catalog, JobStoreDatabase database, IOptions<JobsOptions> settings, IServiceProvider services, ILoggerFactory loggers)
    : IHostedService, IAsyncDisposable
{
    private const string ScheduleGroup = "schedules";
    private readonly JobsOptions _options = settings.Value;
    private readonly ILogger _log = loggers.CreateLogger<JobScheduler>();
    private IScheduler? _scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await OpenAsync(cancellationToken);
        try
        {
            await RegisterAsync(scheduler, cancellationToken);
            await scheduler.Start(cancellationToken);
        }
        catch
        {
            await scheduler.Shutdown(CancellationToken.None);
            throw;
        }

        _scheduler = scheduler;
        SchedulerStarted(_log, _options.Instance, database.Clustered ? "clustered on PostgreSQL" : "on SQLite (one node)", catalog.All.Count);
    }

    /// <summary>
    /// Stops firing, waits (up to <see cref="JobsOptions.ShutdownWaitSeconds"/>) for the running jobs, which may still
    /// schedule their retries and the jobs that follow them, and then shuts the scheduler down.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is not { } scheduler)
        {
            return;
        }

        _scheduler = null;
        // Not Shutdown straight away: a job finishing while Quartz shuts down could no longer store the triggers it adds
        // (on SQLite the two wait for each other). In standby it can, and another node or the next start fires them.
        await scheduler.Standby(cancellationToken);
        var deadline = DateTime.UtcNow.AddSeconds(_options.ShutdownWaitSeconds);
        while ((await scheduler.GetCurrentlyExecutingJobs(cancellationToken)).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, cancellationToken);
        }

        var running = (await scheduler.GetCurrentlyExecutingJobs(cancellationToken)).Select(j => j.JobDetail.Key.Name).ToList();
        if (running.Count > 0)
        {
            StoppedWhileRunning(_log, _options.ShutdownWaitSeconds, string.Join(", ", running));
        }

        await scheduler.Shutdown(waitForJobsToComplete: false, cancellationToken);
    }

    /// <summary>Asks for a run of a job now, on whichever node of the cluster is free to take it; it waits its turn behind a running one.</summary>
    public async Task TriggerAsync(string job, CancellationToken cancellationToken)
    {
        var scheduler = _scheduler ?? throw new InvalidOperationException("the scheduler is not running");
        await scheduler.TriggerJob(new JobKey(catalog.Get(job).Name, QuartzJob.Group), new JobDataMap { [QuartzJob.CauseKey] = RunCauses.Manual }, cancellationToken);
    }

    /// <summary>Every job with its schedule as the job store holds it: the cron expression, the next firing, and its state.</summary>
    public async Task<IReadOnlyList<ScheduledJobState>> DescribeAsync(CancellationToken cancellationToken)
    {
        var scheduler = _scheduler ?? await OpenAsync(cancellationToken);
        try
        {
            var states = new List<ScheduledJobState>();
            foreach (var job in catalog.All)
            {
                var trigger = await scheduler.GetTrigger(new TriggerKey(job.Name, ScheduleGroup), cancellationToken) as ICronTrigger;
                var oneOff = (await scheduler.GetTriggersOfJob(new JobKey(job.Name, QuartzJob.Group), cancellationToken)).Count(t => t.Key.Group != ScheduleGroup);
                states.Add(new ScheduledJobState(job, trigger?.CronExpressionString, trigger?.GetNextFireTimeUtc(),
                    trigger is null ? null : (await scheduler.GetTriggerState(trigger.Key, cancellationToken)).ToString(), oneOff));
            }

            return states;
        }
        finally
        {
            if (scheduler != _scheduler)
            {
                await scheduler.Shutdown(CancellationToken.None);
            }
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private async Task<IScheduler> OpenAsync(CancellationToken cancellationToken)
    {
        if (_options.Problem() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        await database.EnsureSchemaAsync(cancellationToken);
        // Quartz's own log (misfires, cluster recovery, store retries) goes where the server's goes; it has one log for the process.
        Quartz.Logging.LogContext.SetCurrentLogProvider(loggers);
        var scheduler = await SchedulerBuilder.Create(_options.Instance, _options.SchedulerName)
            .UseDefaultThreadPool(_options.Threads)
            .WithMisfireThreshold(TimeSpan.FromSeconds(_options.MisfireThresholdSeconds))
            .UsePersistentStore(store =>
            {
                // Job data is strings only, so nothing the store holds depends on a .NET type's shape.
                store.UseProperties = true;
                store.PerformSchemaValidation = true;
                database.Configure(store, DataSourceName());
                store.UseSystemTextJsonSerializer();
                if (database.Clustered)
                {
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = TimeSpan.FromSeconds(_options.CheckinIntervalSeconds);
                        cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(_options.CheckinIntervalSeconds);
                    });
                }
            })
            .BuildScheduler();
        scheduler.JobFactory = new ServiceJobFactory(services);
        return scheduler;
    }

    /// <summary>This scheduler's name for its connection in Quartz's properties, where a dot would split it.</summary>
    private string DataSourceName() =>
        string.Concat($"{_options.SchedulerName}_{_options.Instance}".Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));

    private async Task RegisterAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        if (_options.Schedules.Keys.FirstOrDefault(name => catalog.Find(name) is null) is { } unknown)
        {
            throw new InvalidOperationException($"Jobs:Schedules:{unknown}: no job is named so; the jobs are {string.Join(", ", catalog.All.Select(j => j.Name))}");
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(_options.TimeZone);
        foreach (var job in catalog.All)
        {
            var detail = JobBuilder.Create<QuartzJob>()
                .WithIdentity(job.Name, QuartzJob.Group)
                .WithDescription(job.Description)
                .StoreDurably()
                .RequestRecovery()
                .Build();
            await scheduler.AddJob(detail, replace: true, cancellationToken);

            var key = new TriggerKey(job.Name, ScheduleGroup);
            var existing = await scheduler.GetTrigger(key, cancellationToken) as ICronTrigger;
            var schedule = _options.Schedules.GetValueOrDefault(job.Name) ?? job.DefaultSchedule;
            if (schedule is null || schedule.Equals(JobsOptions.Off, StringComparison.OrdinalIgnoreCase))
            {
                if (existing is not null)
                {
                    await scheduler.UnscheduleJob(key, cancellationToken);
                }

                continue;
            }

            if (!CronExpression.IsValidExpression(schedule))
            {
                throw new InvalidOperationException(
                    $"Jobs:Schedules:{job.Name}: '{schedule}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, as in '0 0/5 * * * ?'), nor '{JobsOptions.Off}'");
            }

            if (existing?.CronExpressionString == schedule && existing.TimeZone.Id == zone.Id)
            {
                continue;
            }

            var trigger = TriggerBuilder.Create()
                .WithIdentity(key)
                .ForJob(detail)
                .WithCronSchedule(schedule, cron => cron.InTimeZone(zone).WithMisfireHandlingInstructionFireAndProceed())
                .Build();
            await scheduler.ScheduleJob(detail, [trigger], replace: true, cancellationToken);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Job scheduler {Instance} started {Store} with {Jobs} jobs")]
    private static partial void SchedulerStarted(ILogger logger, string instance, string store, int jobs);

    [LoggerMessage(2, LogLevel.Warning, "Stopping after {Seconds} s with jobs still running ({Jobs}); their runs end as interrupted and are run again")]
    private static partial void StoppedWhileRunning(ILogger logger, int seconds, string jobs);
}

/// <summary>A job and its schedule as the job store holds it; null schedule when it has none (chained only, or off).</summary>
/// <param name="PendingOneOffs">Firings waiting besides the schedule's: retries, and runs asked for or chained.</param>
public sealed record ScheduledJobState(JobDefinition Job, string? Schedule, DateTimeOffset? NextFireAt, string? State, int PendingOneOffs);
