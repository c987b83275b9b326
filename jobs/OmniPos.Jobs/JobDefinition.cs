namespace OmniPos.Jobs;

/// <summary>
/// A job the scheduler knows: its name (in configuration, the CLI and the history), what it does, its schedule unless
/// configuration gives another, and the jobs it starts each time it succeeds.
/// </summary>
/// <param name="DefaultSchedule">A Quartz cron expression, or null for a job that only runs when chained, asked or retried.</param>
/// <param name="Then">Names of the jobs that run after each successful run of this one.</param>
public sealed record JobDefinition(string Name, string Description, Type JobType, string? DefaultSchedule, IReadOnlyList<string> Then)
{
    public static JobDefinition For<TJob>(string name, string description, string? defaultSchedule, params string[] then)
        where TJob : IScheduledJob => new(name, description, typeof(TJob), defaultSchedule, then);
}
