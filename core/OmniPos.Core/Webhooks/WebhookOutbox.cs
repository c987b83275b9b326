using System.Buffers.Text;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OmniPos.Core.Storage;
using static OmniPos.Core.Storage.Sql;

namespace OmniPos.Core.Webhooks;

/// <summary>
/// Webhooks out, as the operational store keeps them (the same SQL on both engines): subscriptions, and the outbox of
/// messages each fanned out to the subscriptions that want its kind, in the transaction that writes it. Accepted events
/// reach the outbox through <see cref="RelayEventsAsync"/>; other stages publish with <see cref="PublishAsync"/>. What
/// leaves the outbox is <see cref="Deliveries"/>' business.
/// </summary>
public sealed class WebhookOutbox
{
    private const int RelayBatch = 500;
    private readonly Func<CancellationToken, Task<DbConnection>> _open;
    private readonly Func<long, int, CancellationToken, Task<IReadOnlyList<StoredEvent>>> _readEvents;
    private readonly TimeProvider _clock;

    /// <param name="readEvents">The store's <see cref="IOperationalStore.ReadEventsAsync"/>, which never skips a seq that may still commit.</param>
    internal WebhookOutbox(Func<CancellationToken, Task<DbConnection>> open, Func<long, int, CancellationToken, Task<IReadOnlyList<StoredEvent>>> readEvents, TimeProvider clock)
    {
        _open = open;
        _readEvents = readEvents;
        _clock = clock;
        Deliveries = new WebhookDeliveries(open);
    }

    public WebhookDeliveries Deliveries { get; }

    /// <summary>
    /// Subscribes a URL to the kinds; the secret is generated when not given, and returned this once. While no subscription
    /// was active the relay read nothing, so the first one moves its watermark to the newest event: a subscription gets the
    /// events accepted from its creation on.
    /// </summary>
    /// <exception cref="ArgumentException">The subscription breaks a <see cref="WebhookRules"/> rule.</exception>
    public async Task<CreatedWebhook> AddAsync(string url, IReadOnlyList<string> kinds, string? secret, CancellationToken cancellationToken)
    {
        if (WebhookRules.Check(url, kinds, secret) is [_, ..] errors)
        {
            throw new ArgumentException(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
        }

        var subscription = new WebhookSubscription(
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)), new Uri(url), [.. kinds.Distinct(StringComparer.Ordinal)], _clock.GetUtcNow(), null);
        secret ??= "whsec_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await using var c = await _open(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(c, tx, """
            UPDATE webhook_relay SET last_seq = (SELECT COALESCE(MAX(seq), 0) FROM events)
            WHERE relay_id = 1 AND NOT EXISTS (SELECT 1 FROM webhook_subscriptions WHERE removed_at_utc IS NULL)
            """, cancellationToken);
        await ExecuteAsync(c, tx, "INSERT INTO webhook_subscriptions (subscription_id, url, secret, created_at_utc) VALUES (@id, @url, @secret, @at)",
            cancellationToken, P("@id", subscription.SubscriptionId), P("@url", url), P("@secret", secret), P("@at", Stored(subscription.CreatedAt)));
        foreach (var kind in subscription.Kinds)
        {
            await ExecuteAsync(c, tx, "INSERT INTO webhook_subscription_kinds (subscription_id, kind) VALUES (@id, @kind)", cancellationToken,
                P("@id", subscription.SubscriptionId), P("@kind", kind));
        }

        await tx.CommitAsync(cancellationToken);
        return new CreatedWebhook(subscription with { CreatedAt = Utc(Stored(subscription.CreatedAt)) }, secret);
    }

    /// <summary>Every subscription, removed ones too, oldest first.</summary>
    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(CancellationToken cancellationToken)
    {
        await using var c = await _open(cancellationToken);
        var kinds = new Dictionary<string, List<string>>();
        await using (var command = Command(c, null, "SELECT subscription_id, kind FROM webhook_subscription_kinds ORDER BY subscription_id, kind"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                (kinds.TryGetValue(reader.GetString(0), out var list) ? list : kinds[reader.GetString(0)] = []).Add(reader.GetString(1));
            }
        }

        await using var subscriptions = Command(c, null,
            "SELECT subscription_id, url, created_at_utc, removed_at_utc FROM webhook_subscriptions ORDER BY created_at_utc, subscription_id");
        await using var rows = await subscriptions.ExecuteReaderAsync(cancellationToken);
        var all = new List<WebhookSubscription>();
        while (await rows.ReadAsync(cancellationToken))
        {
            all.Add(new WebhookSubscription(rows.GetString(0), new Uri(rows.GetString(1)), kinds.GetValueOrDefault(rows.GetString(0)) ?? [],
                Utc(rows.GetDateTime(2)), UtcOrNull(rows, 3)));
        }

        return all;
    }

    /// <summary>
    /// Stops the subscription at once: it gets no new messages, and its pending deliveries fail. It stays listed, with its
    /// delivery log. False when there is no such subscription.
    /// </summary>
    public async Task<bool> RemoveAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var now = Stored(_clock.GetUtcNow());
        await using var c = await _open(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        var found = await ExecuteAsync(c, tx, "UPDATE webhook_subscriptions SET removed_at_utc = COALESCE(removed_at_utc, @now) WHERE subscription_id = @id",
            cancellationToken, P("@now", now), P("@id", subscriptionId)) > 0;
        await ExecuteAsync(c, tx, """
            UPDATE webhook_deliveries SET next_attempt_at_utc = NULL, failed_at_utc = @now, last_error = 'the subscription was removed'
            WHERE subscription_id = @id AND next_attempt_at_utc IS NOT NULL
            """, cancellationToken, P("@now", now), P("@id", subscriptionId));
        await tx.CommitAsync(cancellationToken);
        return found;
    }

    /// <summary>
    /// Puts a message of the kind in the outbox for every subscription that wants the kind now, in one transaction; the
    /// message's id. Alerts and other stages publish this way.
    /// </summary>
    /// <param name="payload">A JSON document: what receivers find under <c>data</c>.</param>
    /// <exception cref="ArgumentException">The kind is not one of <see cref="WebhookKinds.All"/>, or the payload is not JSON.</exception>
    public async Task<long> PublishAsync(string kind, string payload, CancellationToken cancellationToken)
    {
        if (!WebhookKinds.IsKnown(kind))
        {
            throw new ArgumentException($"'{kind}' is not a webhook kind; the kinds are {string.Join(", ", WebhookKinds.All)}", nameof(kind));
        }

        try
        {
            using var _ = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            throw new ArgumentException("the payload is not a JSON document", nameof(payload));
        }

        await using var c = await _open(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        var messageId = await PublishAsync(c, tx, kind, payload, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return messageId;
    }

    /// <summary>
    /// Carries the events accepted since the relay last ran into the outbox, each of a kind some subscription wants as a
    /// message (<c>{"seq","receivedAt","event"}</c>, the event in its canonical JSON); the number of messages published.
    /// The relay's watermark moves in the transaction that writes the messages, and only from where this run found it, so
    /// an event becomes a message exactly once however many relays run at once or crash. With no active subscription it
    /// reads and writes nothing (on SQLite every write would queue behind the appends' writer, and it theirs).
    /// </summary>
    public async Task<int> RelayEventsAsync(CancellationToken cancellationToken)
    {
        var published = 0;
        while (true)
        {
            await using var c = await _open(cancellationToken);
            if ((await SubscribedKindsAsync(c, null, cancellationToken)).Count == 0)
            {
                return published;
            }

            long after;
            await using (var watermark = Command(c, null, "SELECT last_seq FROM webhook_relay WHERE relay_id = 1"))
            {
                after = Convert.ToInt64(await watermark.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }

            var events = await _readEvents(after, RelayBatch, cancellationToken);
            if (events.Count == 0)
            {
                return published;
            }

            await using var tx = await c.BeginTransactionAsync(cancellationToken);
            if (await ExecuteAsync(c, tx, "UPDATE webhook_relay SET last_seq = @to WHERE relay_id = 1 AND last_seq = @from", cancellationToken,
                    P("@to", events[^1].Seq), P("@from", after)) == 0)
            {
                return published; // another relay carried these events meanwhile
            }

            var wanted = await SubscribedKindsAsync(c, tx, cancellationToken);
            foreach (var e in events.Where(e => wanted.Contains(e.Type)))
            {
                await PublishAsync(c, tx, e.Type, EventPayload(e), cancellationToken);
                published++;
            }

            await tx.CommitAsync(cancellationToken);
            if (events.Count < RelayBatch)
            {
                return published;
            }
        }
    }

    /// <summary>Publishes inside the caller's transaction, so a message goes out exactly when what it tells of commits.</summary>
    internal async Task<long> PublishAsync(DbConnection c, DbTransaction tx, string kind, string payload, CancellationToken ct)
    {
        var now = Stored(_clock.GetUtcNow());
        long messageId;
        await using (var insert = Command(c, tx, "INSERT INTO webhook_messages (kind, payload, created_at_utc) VALUES (@kind, @payload, @now) RETURNING message_id",
            P("@kind", kind), P("@payload", payload), P("@now", now)))
        {
            messageId = Convert.ToInt64(await insert.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }

        await ExecuteAsync(c, tx, """
            INSERT INTO webhook_deliveries (message_id, subscription_id, attempts, next_attempt_at_utc)
            SELECT @message, s.subscription_id, 0, @now
            FROM webhook_subscriptions s JOIN webhook_subscription_kinds k ON k.subscription_id = s.subscription_id
            WHERE k.kind = @kind AND s.removed_at_utc IS NULL
            """, ct, P("@message", messageId), P("@now", now), P("@kind", kind));
        return messageId;
    }

    private static async Task<HashSet<string>> SubscribedKindsAsync(DbConnection c, DbTransaction? tx, CancellationToken ct)
    {
        await using var command = Command(c, tx, """
            SELECT DISTINCT k.kind FROM webhook_subscription_kinds k JOIN webhook_subscriptions s ON s.subscription_id = k.subscription_id
            WHERE s.removed_at_utc IS NULL
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            kinds.Add(reader.GetString(0));
        }

        return kinds;
    }

    private static string EventPayload(StoredEvent e)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("seq", e.Seq);
            json.WriteString("receivedAt", e.ReceivedAt);
            json.WritePropertyName("event");
            json.WriteRawValue(e.Payload, skipInputValidation: true);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
