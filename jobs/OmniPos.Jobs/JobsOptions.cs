namespace OmniPos.Jobs;

/// <summary>
/// The <c>Jobs</c> configuration section: whether <c>omnipos serve</c> runs the scheduler, each job's schedule, and how
/// runs are retried, watched and shared between nodes.
/// </summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Written as a job's schedule, keeps the job from firing on its own (it still runs when asked or chained).</summary>
    public const string Off = "off";

    /// <summary>Whether <c>omnipos serve</c> hosts the scheduler.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Quartz cron expressions (seconds first: <c>0 0/5 * * * ?</c>) by job name, over each job's default, or <see cref="Off"/>.
    /// </summary>
    public Dictionary<string, string> Schedules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The time zone schedules are read in (an IANA or Windows id).</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The schedule's name in the job store: nodes of one cluster share it, and schedules of another name are apart.</summary>
    public string SchedulerName { get; set; } = "omnipos";

    /// <summary>This node's name in the run history and the cluster; by default the host name and process id.</summary>
    public string? InstanceId { get; set; }

    /// <summary>Jobs this node runs at once (each job itself never runs twice at once).</summary>
    public int Threads { get; set; } = 4;

    /// <summary>How late a firing may start before it counts as missed; a missed firing runs once, as soon as it can.</summary>
    public int MisfireThresholdSeconds { get; set; } = 60;

    /// <summary>How often a node of a cluster (PostgreSQL) says it is alive; a node silent for longer has its work taken over.</summary>
    public int CheckinIntervalSeconds { get; set; } = 7;

    /// <summary>How often a running job says so in the run history; a running row silent for <see cref="StaleAfterSeconds"/> is a dead run.</summary>
    public int HeartbeatSeconds { get; set; } = 5;

    public int StaleAfterSeconds { get; set; } = 30;

    /// <summary>Runs of one firing that fail for a transient reason: at most this many, in all.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the first retry; it doubles for each further one, up to <see cref="MaxRetrySeconds"/>.</summary>
    public int FirstRetrySeconds { get; set; } = 30;

    public int MaxRetrySeconds { get; set; } = 1800;

    /// <summary>How long stopping the server waits for running jobs to finish.</summary>
    public int ShutdownWaitSeconds { get; set; } = 300;

    /// <summary>How long a run stays in the history.</summary>
    public int KeepHistoryDays { get; set; } = 30;

    /// <summary>What is wrong with these settings, or null when nothing is.</summary>
    public string? Problem()
    {
        if (Threads < 1 || MisfireThresholdSeconds < 1 || CheckinIntervalSeconds < 1 || HeartbeatSeconds < 1 || MaxAttempts < 1
            || FirstRetrySeconds < 1 || MaxRetrySeconds < FirstRetrySeconds || ShutdownWaitSeconds < 0 || KeepHistoryDays < 1)
        {
            return "Jobs: Threads, MisfireThresholdSeconds, CheckinIntervalSeconds, HeartbeatSeconds, MaxAttempts, FirstRetrySeconds and KeepHistoryDays must be positive, and MaxRetrySeconds at least FirstRetrySeconds";
        }

        if (StaleAfterSeconds <= HeartbeatSeconds * 2)
        {
            return "Jobs:StaleAfterSeconds must be more than twice HeartbeatSeconds, or a live run could be taken for a dead one";
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _) ? null : $"Jobs:TimeZone: no time zone '{TimeZone}' on this machine";
    }

    /// <summary>The wait before attempt <paramref name="nextAttempt"/> (2 for the first retry) of a firing.</summary>
    public TimeSpan RetryDelay(int nextAttempt) =>
        TimeSpan.FromSeconds(Math.Min(FirstRetrySeconds * Math.Pow(2, nextAttempt - 2), MaxRetrySeconds));

    public string Instance => InstanceId ?? $"{Environment.MachineName}-{Environment.ProcessId}";
}
