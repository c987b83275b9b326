namespace OmniPos.Jobs;

/// <summary>One run of a job as the history holds it.</summary>
/// <param name="Cause">Why it ran: <see cref="RunCauses"/>.</param>
/// <param name="Attempt">1 for a firing's first run, 2 for its first retry, and so on.</param>
/// <param name="Outcome">One of <see cref="RunOutcomes"/>.</param>
/// <param name="Error">For a failure, the exception's type, message and stack.</param>
/// <param name="RetryAt">For a run that failed transiently, when the next attempt is due.</param>
public sealed record JobRun(
    string RunId,
    string Job,
    string Instance,
    string Cause,
    int Attempt,
    DateTimeOffset? ScheduledAt,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string Outcome,
    long? Rows,
    string? Summary,
    string? Error,
    DateTimeOffset? RetryAt);

/// <summary>Why a run started.</summary>
public static class RunCauses
{
    public const string Schedule = "schedule";
    public const string Retry = "retry";
    public const string Chained = "chained";
    public const string Manual = "manual";

    /// <summary>The node that started it died mid-run, and another (or the same, restarted) runs it again.</summary>
    public const string Recovery = "recovery";
}

/// <summary>How a run ended, or that it has not.</summary>
public static class RunOutcomes
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";

    /// <summary>Failed transiently; another attempt is scheduled at <see cref="JobRun.RetryAt"/>.</summary>
    public const string Retrying = "retrying";
    public const string Failed = "failed";

    /// <summary>Its process died mid-run (its heartbeat stopped), or the server stopped it.</summary>
    public const string Interrupted = "interrupted";
}
