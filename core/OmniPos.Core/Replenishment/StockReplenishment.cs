using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using OmniPos.Core.Webhooks;
using static OmniPos.Core.Storage.Sql;

namespace OmniPos.Core.Replenishment;

/// <summary>
/// Replenishment as the operational store keeps it (the same SQL on both engines): the reorder policies planning sets, and
/// the low-stock alerts a sweep raises against the live stock. A sweep opens an alert where the units available fell below
/// the reorder point and none is open, and resolves the open one once stock is back at it, each with its webhook message
/// (<see cref="OpenedKind"/>, <see cref="ResolvedKind"/>) in the same transaction: a store hears once per shortage.
/// Available is on hand − reserved + on order: the units of the purchase orders placed here (<see cref="PlaceOrderAsync"/>)
/// that receipts naming them as their reference have not brought yet.
/// </summary>
public sealed class StockReplenishment
{
    public const string OpenedKind = "low_stock.opened";
    public const string ResolvedKind = "low_stock.resolved";

    private const string AlertColumns = """
        alert_id, store_id, sku, reason, available, reorder_point, days_of_cover, opened_at_utc, acknowledged_at_utc, acknowledged_by,
        snoozed_until_utc, resolved_at_utc, resolved_available
        """;

    /// <summary>Per store and SKU, the units of its purchase orders that receipts naming them have not brought yet.</summary>
    private const string OnOrderSql = """
        SELECT o.store_id, o.sku, SUM(CASE WHEN o.units > COALESCE(r.received, 0) THEN o.units - COALESCE(r.received, 0) ELSE 0 END) AS on_order
        FROM purchase_orders o
        LEFT JOIN (SELECT reference, sku, location, SUM(on_hand_delta) AS received FROM inventory_movements
                   WHERE kind = 'receipt' AND reference IS NOT NULL GROUP BY reference, sku, location) r
          ON r.reference = o.order_id AND r.sku = o.sku AND r.location = o.store_id
        GROUP BY o.store_id, o.sku
        """;

    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    private readonly Func<CancellationToken, Task<DbConnection>> _open;
    private readonly WebhookOutbox _webhooks;
    private readonly TimeProvider _clock;

    internal StockReplenishment(Func<CancellationToken, Task<DbConnection>> open, WebhookOutbox webhooks, TimeProvider clock)
    {
        _open = open;
        _webhooks = webhooks;
        _clock = clock;
    }

    /// <summary>Replaces every reorder policy with these, in one transaction (planning sets them all at once).</summary>
    public async Task ReplacePoliciesAsync(IReadOnlyCollection<ReorderPolicy> policies, CancellationToken cancellationToken)
    {
        var now = Stored(_clock.GetUtcNow());
        await using var c = await _open(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(c, tx, "DELETE FROM reorder_policies", cancellationToken);
        await using var insert = Command(c, tx, """
            INSERT INTO reorder_policies (store_id, sku, reorder_point, order_up_to, lead_time_days, lead_time_demand, daily_demand, computed_at_utc)
            VALUES (@store, @sku, @rop, @upTo, @lead, @leadDemand, @daily, @now)
            """, P("@store", ""), P("@sku", ""), P("@rop", 0), P("@upTo", 0), P("@lead", 0), P("@leadDemand", 0.0), P("@daily", 0.0), P("@now", now));
        foreach (var policy in policies)
        {
            object[] values = [policy.StoreId, policy.Sku, policy.ReorderPoint, policy.OrderUpTo, policy.LeadTimeDays, policy.LeadTimeDemand, policy.DailyDemand];
            for (var i = 0; i < values.Length; i++)
            {
                insert.Parameters[i].Value = values[i];
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ReorderPolicy>> ListPoliciesAsync(string? storeId, CancellationToken cancellationToken)
    {
        await using var c = await _open(cancellationToken);
        await using var command = Command(c, null, $"""
            SELECT store_id, sku, reorder_point, order_up_to, lead_time_days, lead_time_demand, daily_demand FROM reorder_policies
            WHERE {OfStore(storeId, "store_id")} ORDER BY store_id, sku
            """, P("@store", storeId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var policies = new List<ReorderPolicy>();
        while (await reader.ReadAsync(cancellationToken))
        {
            policies.Add(new ReorderPolicy(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4),
                reader.GetDouble(5), reader.GetDouble(6)));
        }

        return policies;
    }

    /// <summary>Every SKU's position at every location the ledger has moved it or an order is placed for.</summary>
    public async Task<IReadOnlyList<StockPosition>> ListPositionsAsync(CancellationToken cancellationToken)
    {
        await using var c = await _open(cancellationToken);
        await using var command = Command(c, null, $"""
            SELECT sku, location, SUM(on_hand), SUM(reserved), SUM(on_order) FROM (
                SELECT sku, location, on_hand, reserved, 0 AS on_order FROM stock
                UNION ALL
                SELECT sku, store_id, 0, 0, on_order FROM ({OnOrderSql}) o) positions
            GROUP BY sku, location ORDER BY location, sku
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var positions = new List<StockPosition>();
        while (await reader.ReadAsync(cancellationToken))
        {
            positions.Add(new StockPosition(reader.GetString(0), reader.GetString(1), Whole(reader, 2), Whole(reader, 3), Whole(reader, 4)));
        }

        return positions;
    }

    /// <summary>
    /// Records a purchase order; placing the same order again answers it as it stands, not new. Null when the id is taken
    /// by an order of other content.
    /// </summary>
    public async Task<(PurchaseOrder Order, bool IsNew)?> PlaceOrderAsync(string orderId, string storeId, string sku, int units, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(units);
        int inserted;
        await using (var c = await _open(cancellationToken))
        {
            inserted = await ExecuteAsync(c, null, """
                INSERT INTO purchase_orders (order_id, store_id, sku, units, placed_at_utc) VALUES (@id, @store, @sku, @units, @now)
                ON CONFLICT (order_id) DO NOTHING
                """, cancellationToken, P("@id", orderId), P("@store", storeId), P("@sku", sku), P("@units", units), P("@now", Stored(_clock.GetUtcNow())));
        }

        var placed = (await ReadOrdersAsync("o.order_id = @id", P("@id", orderId), cancellationToken)).Single();
        return (placed.StoreId, placed.Sku, placed.Units) == (storeId, sku, units) ? (placed, inserted == 1) : null;
    }

    /// <summary>A store's purchase orders (every store's when null), newest first; only those with units still to come when <paramref name="openOnly"/>.</summary>
    public async Task<IReadOnlyList<PurchaseOrder>> ListOrdersAsync(string? storeId, bool openOnly, CancellationToken cancellationToken)
    {
        var orders = await ReadOrdersAsync(OfStore(storeId, "o.store_id"), P("@store", storeId), cancellationToken);
        return [.. orders.Where(o => !openOnly || o.OnOrder > 0)];
    }

    private async Task<List<PurchaseOrder>> ReadOrdersAsync(string condition, KeyValuePair<string, object?> parameter, CancellationToken cancellationToken)
    {
        await using var c = await _open(cancellationToken);
        await using var command = Command(c, null, $"""
            SELECT o.order_id, o.store_id, o.sku, o.units, o.placed_at_utc,
                   (SELECT COALESCE(SUM(m.on_hand_delta), 0) FROM inventory_movements m
                    WHERE m.kind = 'receipt' AND m.reference = o.order_id AND m.sku = o.sku AND m.location = o.store_id)
            FROM purchase_orders o WHERE {condition}
            ORDER BY o.placed_at_utc DESC, o.order_id
            """, parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var orders = new List<PurchaseOrder>();
        while (await reader.ReadAsync(cancellationToken))
        {
            orders.Add(new PurchaseOrder(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), Utc(reader.GetDateTime(4)),
                Whole(reader, 5)));
        }

        return orders;
    }

    /// <summary>Checks every policy against the stock now: opens and resolves alerts, with their webhook messages, in one transaction.</summary>
    public async Task<AlertSweep> SweepAsync(CancellationToken cancellationToken)
    {
        var now = Stored(_clock.GetUtcNow());
        await using var c = await _open(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        var positions = new List<(string Store, string Sku, int ReorderPoint, double LeadTimeDemand, double DailyDemand, int Available, long? OpenAlert)>();
        await using (var read = Command(c, tx, $"""
            SELECT p.store_id, p.sku, p.reorder_point, p.lead_time_demand, p.daily_demand,
                   COALESCE(s.on_hand, 0) - COALESCE(s.reserved, 0) + COALESCE(o.on_order, 0), a.alert_id
            FROM reorder_policies p
            LEFT JOIN stock s ON s.sku = p.sku AND s.location = p.store_id
            LEFT JOIN ({OnOrderSql}) o ON o.sku = p.sku AND o.store_id = p.store_id
            LEFT JOIN stock_alerts a ON a.store_id = p.store_id AND a.sku = p.sku AND a.resolved_at_utc IS NULL
            """))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                positions.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetDouble(3), reader.GetDouble(4), Whole(reader, 5),
                    reader.IsDBNull(6) ? null : reader.GetInt64(6)));
            }
        }

        var (opened, resolved) = (new List<StockAlert>(), new List<StockAlert>());
        foreach (var p in positions)
        {
            if (p.OpenAlert is null && p.Available < p.ReorderPoint)
            {
                var reason = p.Available <= p.LeadTimeDemand ? StockAlert.StockoutExpected : StockAlert.BelowReorderPoint;
                double? cover = p.DailyDemand > 0 ? Math.Max(0, p.Available) / p.DailyDemand : null;
                var alert = await SingleAlertAsync(c, tx, $"""
                    INSERT INTO stock_alerts (store_id, sku, reason, available, reorder_point, days_of_cover, opened_at_utc)
                    VALUES (@store, @sku, @reason, @available, @rop, @cover, @now)
                    ON CONFLICT (store_id, sku) WHERE resolved_at_utc IS NULL DO NOTHING
                    RETURNING {AlertColumns}
                    """, cancellationToken, P("@store", p.Store), P("@sku", p.Sku), P("@reason", reason), P("@available", p.Available),
                    P("@rop", p.ReorderPoint), P("@cover", cover), P("@now", now));
                if (alert is not null)
                {
                    await _webhooks.PublishAsync(c, tx, OpenedKind, JsonSerializer.Serialize(alert, PayloadJson), cancellationToken);
                    opened.Add(alert);
                }
            }
            else if (p.OpenAlert is { } open && p.Available >= p.ReorderPoint)
            {
                var alert = await SingleAlertAsync(c, tx, $"""
                    UPDATE stock_alerts SET resolved_at_utc = @now, resolved_available = @available
                    WHERE alert_id = @id AND resolved_at_utc IS NULL RETURNING {AlertColumns}
                    """, cancellationToken, P("@now", now), P("@available", p.Available), P("@id", open));
                if (alert is not null)
                {
                    await _webhooks.PublishAsync(c, tx, ResolvedKind, JsonSerializer.Serialize(alert, PayloadJson), cancellationToken);
                    resolved.Add(alert);
                }
            }
        }

        await tx.CommitAsync(cancellationToken);
        return new AlertSweep(positions.Count, opened, resolved);
    }

    /// <summary>A store's alerts (every store's when null), newest first, as the inbox asks.</summary>
    public async Task<IReadOnlyList<StockAlert>> ListAlertsAsync(string? storeId, AlertInbox inbox, int limit, CancellationToken cancellationToken)
    {
        var condition = inbox switch
        {
            AlertInbox.Open => "resolved_at_utc IS NULL AND (snoozed_until_utc IS NULL OR snoozed_until_utc <= @now)",
            AlertInbox.Snoozed => "resolved_at_utc IS NULL AND snoozed_until_utc > @now",
            AlertInbox.Resolved => "resolved_at_utc IS NOT NULL",
            _ => "1 = 1",
        };
        await using var c = await _open(cancellationToken);
        await using var command = Command(c, null, $"""
            SELECT {AlertColumns} FROM stock_alerts WHERE {OfStore(storeId, "store_id")} AND {condition}
            ORDER BY alert_id DESC LIMIT @limit
            """, P("@store", storeId), P("@now", Stored(_clock.GetUtcNow())), P("@limit", limit));
        return await ReadAlertsAsync(command, cancellationToken);
    }

    public async Task<StockAlert?> FindAlertAsync(long alertId, CancellationToken cancellationToken)
    {
        await using var c = await _open(cancellationToken);
        await using var command = Command(c, null, $"SELECT {AlertColumns} FROM stock_alerts WHERE alert_id = @id", P("@id", alertId));
        return (await ReadAlertsAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>Marks the alert seen by <paramref name="by"/> (the first acknowledgement stands); null when there is no such alert.</summary>
    public Task<StockAlert?> AcknowledgeAsync(long alertId, string by, CancellationToken cancellationToken) => UpdateAsync(
        "acknowledged_at_utc = COALESCE(acknowledged_at_utc, @now), acknowledged_by = COALESCE(acknowledged_by, @by)", alertId, cancellationToken, P("@by", by));

    /// <summary>Keeps the open alert out of the inbox until <paramref name="until"/>; null when there is no such alert.</summary>
    public Task<StockAlert?> SnoozeAsync(long alertId, DateTimeOffset until, CancellationToken cancellationToken) =>
        UpdateAsync("snoozed_until_utc = @until", alertId, cancellationToken, P("@until", Stored(until)));

    private async Task<StockAlert?> UpdateAsync(string assignments, long alertId, CancellationToken cancellationToken, params KeyValuePair<string, object?>[] parameters)
    {
        await using var c = await _open(cancellationToken);
        return await SingleAlertAsync(c, null, $"UPDATE stock_alerts SET {assignments} WHERE alert_id = @id RETURNING {AlertColumns}", cancellationToken,
            [.. parameters, P("@id", alertId), P("@now", Stored(_clock.GetUtcNow()))]);
    }

    /// <summary>
    /// The condition that keeps one store's rows (the <c>@store</c> parameter), or every row: PostgreSQL cannot type a null
    /// parameter that is only compared with NULL, so "all stores" is left out of the SQL rather than passed as null.
    /// </summary>
    private static string OfStore(string? storeId, string column) => storeId is null ? "1 = 1" : $"{column} = @store";

    /// <summary>A sum of integers, which SQLite answers as an integer and PostgreSQL as a bigint or numeric.</summary>
    private static int Whole(DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static async Task<StockAlert?> SingleAlertAsync(
        DbConnection c, DbTransaction? tx, string sql, CancellationToken cancellationToken, params KeyValuePair<string, object?>[] parameters)
    {
        await using var command = Command(c, tx, sql, parameters);
        return (await ReadAlertsAsync(command, cancellationToken)).SingleOrDefault();
    }

    private static async Task<List<StockAlert>> ReadAlertsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var alerts = new List<StockAlert>();
        while (await reader.ReadAsync(cancellationToken))
        {
            alerts.Add(new StockAlert(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetDouble(6), Utc(reader.GetDateTime(7)), UtcOrNull(reader, 8), reader.IsDBNull(9) ? null : reader.GetString(9),
                UtcOrNull(reader, 10), UtcOrNull(reader, 11), reader.IsDBNull(12) ? null : reader.GetInt32(12)));
        }

        return alerts;
    }
}
