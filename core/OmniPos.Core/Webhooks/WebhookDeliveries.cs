using System.Data.Common;
using static OmniPos.Core.Storage.Sql;

namespace OmniPos.Core.Webhooks;

/// <summary>
/// What leaves the outbox: one delivery per message and subscription, claimed by a dispatcher for one attempt at a time,
/// and its log of attempts. Times come from the dispatcher, whose clock decides what is due.
/// </summary>
public sealed class WebhookDeliveries
{
    private readonly Func<CancellationToken, Task<DbConnection>> _open;

    internal WebhookDeliveries(Func<CancellationToken, Task<DbConnection>> open)
    {
        _open = open;
    }

    /// <summary>
    /// Claims up to <paramref name="maxCount"/> pending deliveries due at <paramref name="now"/>, oldest due first, for one
    /// attempt each: the attempt is counted and the delivery is not due again until <paramref name="lease"/> has passed.
    /// A claim succeeds only on the attempt count it read, so two dispatchers never claim the same attempt; a dispatcher
    /// that dies holding a claim leaves the delivery to be tried again when the lease ends (at least once).
    /// </summary>
    public async Task<IReadOnlyList<DueDelivery>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int maxCount, CancellationToken cancellationToken)
    {
        await using var c = await _open(cancellationToken);
        var due = new List<DueDelivery>();
        await using (var command = Command(c, null, """
            SELECT d.delivery_id, d.message_id, d.attempts, m.kind, m.payload, m.created_at_utc, s.url, s.secret
            FROM webhook_deliveries d
            JOIN webhook_messages m ON m.message_id = d.message_id
            JOIN webhook_subscriptions s ON s.subscription_id = d.subscription_id
            WHERE d.next_attempt_at_utc IS NOT NULL AND d.next_attempt_at_utc <= @now
            ORDER BY d.next_attempt_at_utc, d.delivery_id LIMIT @max
            """, P("@now", Stored(now)), P("@max", maxCount)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                due.Add(new DueDelivery(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2) + 1, reader.GetString(3), reader.GetString(4),
                    Utc(reader.GetDateTime(5)), new Uri(reader.GetString(6)), reader.GetString(7)));
            }
        }

        var claimed = new List<DueDelivery>();
        foreach (var delivery in due)
        {
            if (await ExecuteAsync(c, null, """
                    UPDATE webhook_deliveries SET attempts = @attempt, next_attempt_at_utc = @leaseEnd
                    WHERE delivery_id = @id AND attempts = @seen AND next_attempt_at_utc IS NOT NULL
                    """, cancellationToken,
                    P("@attempt", delivery.Attempt), P("@leaseEnd", Stored(now + lease)), P("@id", delivery.DeliveryId), P("@seen", delivery.Attempt - 1)) > 0)
            {
                claimed.Add(delivery);
            }
        }

        return claimed;
    }

    /// <summary>
    /// Logs the attempt and settles the delivery: delivered when the receiver took it, otherwise tried again at
    /// <paramref name="retryAt"/>, or failed when that is null. A delivery whose claim passed to another attempt meanwhile
    /// (the lease ran out), or that failed because its subscription was removed, keeps its state; the attempt is logged all the same.
    /// </summary>
    public async Task RecordAttemptAsync(DueDelivery delivery, WebhookAttempt attempt, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        var ended = Stored(attempt.AttemptedAt + attempt.Duration);
        await using var c = await _open(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(c, tx, """
            INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at_utc, duration_ms, status, error)
            VALUES (@id, @attempt, @at, @duration, @status, @error)
            """, cancellationToken, P("@id", delivery.DeliveryId), P("@attempt", attempt.Attempt), P("@at", Stored(attempt.AttemptedAt)),
            P("@duration", (int)Math.Ceiling(attempt.Duration.TotalMilliseconds)), P("@status", attempt.Status), P("@error", attempt.Error));
        await ExecuteAsync(c, tx, """
            UPDATE webhook_deliveries
            SET next_attempt_at_utc = @next, delivered_at_utc = @delivered, failed_at_utc = @failed, last_status = @status, last_error = @error
            WHERE delivery_id = @id AND attempts = @attempt AND next_attempt_at_utc IS NOT NULL
            """, cancellationToken,
            P("@next", attempt.Delivered || retryAt is null ? null : Stored(retryAt.Value)),
            P("@delivered", attempt.Delivered ? ended : null),
            P("@failed", !attempt.Delivered && retryAt is null ? ended : null),
            P("@status", attempt.Status), P("@error", attempt.Error), P("@id", delivery.DeliveryId), P("@attempt", attempt.Attempt));
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Removes the deliveries settled (delivered or failed) before <paramref name="before"/>, with their attempts, and the
    /// messages published before then that no delivery is left for: the log keeps what is pending and what is recent.
    /// </summary>
    /// <returns>How many deliveries were removed.</returns>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        const string settled = "next_attempt_at_utc IS NULL AND COALESCE(delivered_at_utc, failed_at_utc) < @before";
        var cutoff = P("@before", Stored(before));
        await using var c = await _open(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(c, tx, $"DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT delivery_id FROM webhook_deliveries WHERE {settled})",
            cancellationToken, cutoff);
        var removed = await ExecuteAsync(c, tx, $"DELETE FROM webhook_deliveries WHERE {settled}", cancellationToken, cutoff);
        await ExecuteAsync(c, tx, """
            DELETE FROM webhook_messages
            WHERE created_at_utc < @before AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.message_id = webhook_messages.message_id)
            """, cancellationToken, cutoff);
        await tx.CommitAsync(cancellationToken);
        return removed;
    }

    /// <summary>The subscription's latest deliveries, newest first, with their attempts; null when there is no such subscription.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>?> ListAsync(string subscriptionId, int maxCount, CancellationToken cancellationToken)
    {
        await using var c = await _open(cancellationToken);
        if (!await ExistsAsync(c, "webhook_subscriptions", "subscription_id", subscriptionId, cancellationToken))
        {
            return null;
        }

        var deliveries = new List<WebhookDelivery>();
        await using (var command = Command(c, null, """
            SELECT d.delivery_id, d.message_id, m.kind, m.created_at_utc, d.next_attempt_at_utc, d.delivered_at_utc, d.failed_at_utc, d.last_status, d.last_error
            FROM webhook_deliveries d JOIN webhook_messages m ON m.message_id = d.message_id
            WHERE d.subscription_id = @id ORDER BY d.delivery_id DESC LIMIT @max
            """, P("@id", subscriptionId), P("@max", maxCount)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var (delivered, failed) = (UtcOrNull(reader, 5), UtcOrNull(reader, 6));
                deliveries.Add(new WebhookDelivery(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2),
                    delivered is not null ? DeliveryState.Delivered : failed is not null ? DeliveryState.Failed : DeliveryState.Pending,
                    Utc(reader.GetDateTime(3)), UtcOrNull(reader, 4), delivered, failed,
                    reader.IsDBNull(7) ? null : reader.GetInt32(7), reader.IsDBNull(8) ? null : reader.GetString(8), []));
            }
        }

        if (deliveries.Count == 0)
        {
            return deliveries;
        }

        var attempts = await AttemptsAsync(c, subscriptionId, deliveries[^1].DeliveryId, cancellationToken);
        return [.. deliveries.Select(d => d with { Attempts = attempts.GetValueOrDefault(d.DeliveryId) ?? [] })];
    }

    /// <summary>The attempts of the subscription's deliveries from <paramref name="fromDelivery"/> on, by delivery, oldest first.</summary>
    private static async Task<Dictionary<long, List<WebhookAttempt>>> AttemptsAsync(DbConnection c, string subscriptionId, long fromDelivery, CancellationToken ct)
    {
        await using var command = Command(c, null, """
            SELECT a.delivery_id, a.attempt, a.attempted_at_utc, a.duration_ms, a.status, a.error
            FROM webhook_attempts a JOIN webhook_deliveries d ON d.delivery_id = a.delivery_id
            WHERE d.subscription_id = @id AND a.delivery_id >= @from ORDER BY a.delivery_id, a.attempt
            """, P("@id", subscriptionId), P("@from", fromDelivery));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var byDelivery = new Dictionary<long, List<WebhookAttempt>>();
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetInt64(0);
            (byDelivery.TryGetValue(id, out var list) ? list : byDelivery[id] = []).Add(new WebhookAttempt(
                reader.GetInt32(1), Utc(reader.GetDateTime(2)), TimeSpan.FromMilliseconds(reader.GetInt32(3)),
                reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return byDelivery;
    }
}
