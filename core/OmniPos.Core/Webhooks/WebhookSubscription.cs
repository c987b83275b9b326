namespace OmniPos.Core.Webhooks;

/// <summary>Where messages of the given kinds are posted; never its secret. A removed subscription is kept for its delivery log.</summary>
public sealed record WebhookSubscription(string SubscriptionId, Uri Url, IReadOnlyList<string> Kinds, DateTimeOffset CreatedAt, DateTimeOffset? RemovedAt);
