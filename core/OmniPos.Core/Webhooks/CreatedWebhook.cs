namespace OmniPos.Core.Webhooks;

/// <summary>A subscription just made, with the secret its messages are signed with, shown this once.</summary>
public sealed record CreatedWebhook(WebhookSubscription Subscription, string Secret)
{
    /// <summary>Without the secret, so that logging the record cannot give it away.</summary>
    public override string ToString() => $"webhook {Subscription.SubscriptionId} to {Subscription.Url}";
}
