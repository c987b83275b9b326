namespace OmniPos.Core.Webhooks;

/// <summary>
/// One try at posting a delivery: the HTTP status the receiver answered (null when none came: refused, timed out), how long
/// it took, and what went wrong in words (null when the receiver took it).
/// </summary>
public sealed record WebhookAttempt(int Attempt, DateTimeOffset AttemptedAt, TimeSpan Duration, int? Status, string? Error)
{
    /// <summary>Whether the receiver took the message: any 2xx answer.</summary>
    public bool Delivered => Status is >= 200 and < 300;
}
