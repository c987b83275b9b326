namespace OmniPos.Core.Webhooks;

/// <summary>One message for one subscription, as its delivery log shows it, with every attempt oldest first.</summary>
/// <param name="NextAttemptAt">When a pending delivery is next tried; null once delivered or failed.</param>
/// <param name="LastStatus">What the receiver answered the latest attempt; null before any answer.</param>
public sealed record WebhookDelivery(
    long DeliveryId,
    long MessageId,
    string Kind,
    DeliveryState State,
    DateTimeOffset PublishedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? FailedAt,
    int? LastStatus,
    string? LastError,
    IReadOnlyList<WebhookAttempt> Attempts);
