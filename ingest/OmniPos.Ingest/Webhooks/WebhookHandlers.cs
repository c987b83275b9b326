using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OmniPos.Core.Events;
using OmniPos.Core.Storage;
using OmniPos.Core.Webhooks;
using OmniPos.Ingest.Events;

namespace OmniPos.Ingest.Webhooks;

/// <summary>Managing webhook subscriptions, for admin keys: add (the secret is answered this once), list, remove, and read a delivery log.</summary>
internal static class WebhookHandlers
{
    /// <summary>How many of a subscription's latest deliveries its log shows.</summary>
    public const int DeliveriesShown = 100;
    private const int MaxBodyBytes = 16 * 1024;

    public static async Task<Results<Created<CreatedWebhook>, ProblemHttpResult>> AddAsync(HttpRequest request, IOperationalStore store, CancellationToken cancellationToken)
    {
        if (await RequestBody.ReadBytesAsync(request, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return Problems.TooLarge(MaxBodyBytes);
        }

        var (subscription, error) = EventJson.ParseAs<WebhookRequest>(body, "webhook");
        if (subscription is null)
        {
            return Problems.Malformed(error!);
        }

        if (WebhookRules.Check(subscription.Url, subscription.Kinds, subscription.Secret) is [_, ..] errors)
        {
            return Problems.Rejected(errors);
        }

        var created = await store.Webhooks.AddAsync(subscription.Url, subscription.Kinds, subscription.Secret, cancellationToken);
        return TypedResults.Created($"/v1/webhooks/{created.Subscription.SubscriptionId}", created);
    }

    public static async Task<Ok<IReadOnlyList<WebhookSubscription>>> ListAsync(IOperationalStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.Webhooks.ListAsync(cancellationToken));

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(string id, IOperationalStore store, CancellationToken cancellationToken) =>
        await store.Webhooks.RemoveAsync(id, cancellationToken) ? TypedResults.NoContent() : NotFound(id);

    public static async Task<Results<Ok<IReadOnlyList<WebhookDelivery>>, ProblemHttpResult>> ListDeliveriesAsync(
        string id, IOperationalStore store, CancellationToken cancellationToken) =>
        await store.Webhooks.Deliveries.ListAsync(id, DeliveriesShown, cancellationToken) is { } deliveries ? TypedResults.Ok(deliveries) : NotFound(id);

    private static ProblemHttpResult NotFound(string id) => Problems.NotFound("id", $"no webhook subscription has id '{id}'");
}
