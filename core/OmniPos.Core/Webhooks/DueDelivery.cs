namespace OmniPos.Core.Webhooks;

/// <summary>
/// A delivery a dispatcher has claimed for one attempt (see <see cref="WebhookOutbox.ClaimDueAsync"/>): what to post,
/// where, and the secret to sign it with.
/// </summary>
/// <param name="Attempt">This attempt's number, from 1.</param>
/// <param name="Payload">The message's JSON.</param>
public sealed record DueDelivery(long DeliveryId, long MessageId, int Attempt, string Kind, string Payload, DateTimeOffset PublishedAt, Uri Url, string Secret)
{
    /// <summary>Without the secret or the payload, so that logging the record gives neither away.</summary>
    public override string ToString() => $"delivery {DeliveryId} ({Kind}) attempt {Attempt} to {Url}";
}
