using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmniPos.Core.Storage;
using OmniPos.Core.Webhooks;

namespace OmniPos.Ingest.Webhooks;

/// <summary>
/// Posts the deliveries that are due: each as signed JSON (see <see cref="WebhookSignature"/>), taken when the receiver
/// answers 2xx, otherwise retried with backoff (see <see cref="WebhookOptions.RetryAt"/>), every attempt logged with the
/// delivery. At least once: a run that dies between the post and the record leaves the delivery to be sent again once
/// its claim runs out, so receivers drop a <c>deliveryId</c> they have seen. Several runs may go at once, here or on
/// other servers sharing the store: each attempt is claimed by one.
/// </summary>
public sealed partial class WebhookDispatcher(
    IOperationalStore store, IHttpClientFactory clients, IOptions<IngestOptions> options, TimeProvider clock, ILogger<WebhookDispatcher> log)
{
    /// <summary>The named HTTP client deliveries are posted with (no redirects followed, no request logging).</summary>
    internal const string HttpClientName = "OmniPos.Webhooks";
    private const int ClaimBatch = 20;

    /// <summary>Posts every delivery due now, in parallel batches, and records each attempt.</summary>
    public async Task<DispatchSummary> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Webhooks;
        // A claim outlasts the attempt it was made for, with room to record it; only a run that died leaves one to run out.
        var lease = TimeSpan.FromSeconds(settings.TimeoutSeconds * 2 + 30);
        var summary = DispatchSummary.None;
        // Until a claim finds nothing: a short claim may mean other runs took part of a full batch, not that the rest is done.
        while (await store.Webhooks.Deliveries.ClaimDueAsync(clock.GetUtcNow(), lease, ClaimBatch, cancellationToken) is [_, ..] claimed)
        {
            foreach (var outcome in await Task.WhenAll(claimed.Select(d => DeliverAsync(d, settings, cancellationToken))))
            {
                summary = summary.Plus(outcome);
            }
        }

        return summary;
    }

    /// <summary>Removes from the delivery log what settled more than <see cref="WebhookOptions.KeepDays"/> ago; how many deliveries went.</summary>
    public Task<int> PruneAsync(CancellationToken cancellationToken) =>
        store.Webhooks.Deliveries.PruneAsync(clock.GetUtcNow() - TimeSpan.FromDays(options.Value.Webhooks.KeepDays), cancellationToken);

    private async Task<DispatchSummary> DeliverAsync(DueDelivery delivery, WebhookOptions settings, CancellationToken ct)
    {
        var attempt = await PostAsync(delivery, TimeSpan.FromSeconds(settings.TimeoutSeconds), ct);
        var retryAt = attempt.Delivered ? null : settings.RetryAt(delivery.Attempt, delivery.PublishedAt, attempt.AttemptedAt, Random.Shared.NextDouble());
        await store.Webhooks.Deliveries.RecordAttemptAsync(delivery, attempt, retryAt, ct);
        if (attempt.Delivered)
        {
            Delivered(log, delivery.DeliveryId, delivery.Kind, delivery.Attempt, attempt.Status!.Value);
            return new DispatchSummary(1, 0, 0);
        }

        NotDelivered(log, delivery.DeliveryId, delivery.Kind, delivery.Attempt, attempt.Status, retryAt);
        return retryAt is null ? new DispatchSummary(0, 0, 1) : new DispatchSummary(0, 1, 0);
    }

    /// <summary>One attempt; what the receiver answered, or why nothing came back.</summary>
    private async Task<WebhookAttempt> PostAsync(DueDelivery delivery, TimeSpan timeout, CancellationToken ct)
    {
        var body = Envelope(delivery);
        var attemptedAt = clock.GetUtcNow();
        var timestamp = attemptedAt.ToUnixTimeSeconds();
        var started = clock.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.DeliveryId.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.KindHeader, delivery.Kind);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(delivery.Secret, timestamp, body));
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        int? status = null;
        string? error;
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            status = (int)response.StatusCode;
            error = response.IsSuccessStatusCode ? null : $"the receiver answered {status}";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            error = $"no answer within {timeout.TotalSeconds} s";
        }
        catch (HttpRequestException e)
        {
            error = $"{e.HttpRequestError}: {e.Message}";
        }

        return new WebhookAttempt(delivery.Attempt, attemptedAt, clock.GetElapsedTime(started), status, error);
    }

    /// <summary>
    /// The body, the same on every attempt: <c>{"deliveryId","messageId","kind","publishedAt","data"}</c>, the message's
    /// JSON under <c>data</c>.
    /// </summary>
    private static byte[] Envelope(DueDelivery delivery)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("deliveryId", delivery.DeliveryId);
            json.WriteNumber("messageId", delivery.MessageId);
            json.WriteString("kind", delivery.Kind);
            json.WriteString("publishedAt", delivery.PublishedAt);
            json.WritePropertyName("data");
            json.WriteRawValue(delivery.Payload, skipInputValidation: true);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    [LoggerMessage(1, LogLevel.Debug, "Webhook delivery {DeliveryId} ({Kind}) taken on attempt {Attempt} with {Status}")]
    private static partial void Delivered(ILogger logger, long deliveryId, string kind, int attempt, int status);

    /// <summary>Ids, the status and the next time only: the error's words may quote the receiver's address.</summary>
    [LoggerMessage(2, LogLevel.Warning, "Webhook delivery {DeliveryId} ({Kind}) attempt {Attempt} not taken (status {Status}); next attempt {RetryAt} (none: failed)")]
    private static partial void NotDelivered(ILogger logger, long deliveryId, string kind, int attempt, int? status, DateTimeOffset? retryAt);
}
