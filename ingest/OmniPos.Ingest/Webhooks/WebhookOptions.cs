namespace OmniPos.Ingest.Webhooks;

/// <summary>
/// The <c>Ingest:Webhooks</c> configuration section: how failed deliveries are retried — after <see cref="FirstRetrySeconds"/>, then twice as long each time up to
/// <see cref="MaxRetrySeconds"/>, each wait shortened by up to a quarter at random — until <see cref="MaxAttempts"/>
/// attempts or <see cref="MaxAgeHours"/> have passed.
/// </summary>
public sealed class WebhookOptions
{
    /// <summary>How long a receiver has to answer one attempt.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    public int FirstRetrySeconds { get; set; } = 10;

    public int MaxRetrySeconds { get; set; } = 3600;

    public int MaxAttempts { get; set; } = 15;

    /// <summary>How long after its message was published a delivery is still tried.</summary>
    public int MaxAgeHours { get; set; } = 48;

    /// <summary>How long a settled (delivered or failed) delivery stays in the delivery log, with its attempts and message.</summary>
    public int KeepDays { get; set; } = 30;

    public bool IsValid => TimeoutSeconds > 0 && FirstRetrySeconds > 0 && MaxRetrySeconds >= FirstRetrySeconds && MaxAttempts > 0
        && MaxAgeHours > 0 && KeepDays > 0;

    /// <summary>
    /// When a delivery whose attempt number <paramref name="attempt"/> (from 1) began at <paramref name="attemptedAt"/> and
    /// failed is tried again, or null when it is given up: it has had its attempts, or the next would come too long after
    /// publication. The wait is shortened by <paramref name="jitter"/> (from 0 to 1) of a quarter, so deliveries that
    /// failed together (a receiver that was down) do not all come back at the same moment, and none later than the
    /// settings say.
    /// </summary>
    public DateTimeOffset? RetryAt(int attempt, DateTimeOffset publishedAt, DateTimeOffset attemptedAt, double jitter)
    {
        if (attempt >= MaxAttempts)
        {
            return null;
        }

        var wait = TimeSpan.FromSeconds(Math.Min(FirstRetrySeconds * Math.Pow(2, attempt - 1), MaxRetrySeconds) * (1 - (jitter / 4)));
        return attemptedAt + wait - publishedAt > TimeSpan.FromHours(MaxAgeHours) ? null : attemptedAt + wait;
    }
}
