using System.Data.Common;
using System.Text.Json;
using OmniPos.Core.Webhooks;
using static OmniPos.Core.Storage.Sql;

namespace OmniPos.Core.LossPrevention;

/// <summary>
/// The loss-prevention queue (<c>IOperationalStore.LossPrevention</c>, the same SQL on both engines). A scan's drafts
/// are kept in one transaction: a case seen for the first time is raised, with its <see cref="RaisedKind"/> webhook
/// message in that transaction; a case already known is updated while nobody has reviewed it, and left as the analyst
/// judged it afterwards. Analysts confirm or dismiss; the reviewed alerts are the labels of supervised scoring.
/// </summary>
public sealed class FraudAlerts
{
    public const string RaisedKind = "fraud_alert.raised";

    private const string Columns = """
        alert_id, alert_key, rule, store_id, subject_kind, subject, business_date, score, measure, anomaly, exposure, reasons, evidence,
        raised_at_utc, updated_at_utc, verdict, reviewed_by, reviewed_at_utc, note
        """;

    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    private readonly Func<CancellationToken, Task<DbConnection>> _open;
    private readonly WebhookOutbox _webhooks;
    private readonly TimeProvider _clock;

    internal FraudAlerts(Func<CancellationToken, Task<DbConnection>> open, WebhookOutbox webhooks, TimeProvider clock)
    {
        _open = open;
        _webhooks = webhooks;
        _clock = clock;
    }

    /// <summary>Keeps a scan's drafts: raises the new cases (each with its webhook message) and updates the unreviewed known ones.</summary>
    public async Task<FraudRaise> RaiseAsync(IReadOnlyList<FraudAlertDraft> drafts, CancellationToken cancellationToken)
    {
        var now = Stored(_clock.GetUtcNow());
        await using var c = await _open(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        var raised = new List<FraudAlert>();
        var updated = 0;
        foreach (var draft in drafts)
        {
            KeyValuePair<string, object?>[] values =
            [
                P("@key", draft.AlertKey), P("@rule", draft.Rule), P("@store", draft.StoreId), P("@kind", draft.SubjectKind), P("@subject", draft.Subject),
                P("@day", draft.BusinessDate), P("@score", draft.Score), P("@measure", draft.Measure), P("@anomaly", draft.Anomaly), P("@exposure", draft.Exposure),
                P("@reasons", JsonSerializer.Serialize(draft.Reasons, PayloadJson)), P("@evidence", JsonSerializer.Serialize(draft.Evidence, PayloadJson)), P("@now", now),
            ];
            await using (var insert = Command(c, tx, $"""
                INSERT INTO fraud_alerts (alert_key, rule, store_id, subject_kind, subject, business_date, score, measure, anomaly, exposure, reasons, evidence,
                                          raised_at_utc, updated_at_utc)
                VALUES (@key, @rule, @store, @kind, @subject, @day, @score, @measure, @anomaly, @exposure, @reasons, @evidence, @now, @now)
                ON CONFLICT (alert_key) DO NOTHING RETURNING {Columns}
                """, values))
            {
                if (await ReadAsync(insert, cancellationToken) is [var alert])
                {
                    await _webhooks.PublishAsync(c, tx, RaisedKind, JsonSerializer.Serialize(alert, PayloadJson), cancellationToken);
                    raised.Add(alert);
                    continue;
                }
            }

            updated += await ExecuteAsync(c, tx, """
                UPDATE fraud_alerts SET score = @score, measure = @measure, anomaly = @anomaly, exposure = @exposure, reasons = @reasons, evidence = @evidence,
                                        updated_at_utc = @now
                WHERE alert_key = @key AND verdict IS NULL AND (score <> @score OR reasons <> @reasons OR evidence <> @evidence)
                """, cancellationToken, values);
        }

        await tx.CommitAsync(cancellationToken);
        return new FraudRaise(raised, updated);
    }

    /// <summary>
    /// A store's alerts (every store's when null) in a state: those waiting for review highest score first, the reviewed
    /// most recently reviewed first; up to <paramref name="limit"/>.
    /// </summary>
    public async Task<IReadOnlyList<FraudAlert>> ListAsync(string? storeId, FraudAlertState state, int limit, CancellationToken cancellationToken)
    {
        var (condition, order) = state switch
        {
            FraudAlertState.Open => ("verdict IS NULL", "score DESC, alert_id DESC"),
            FraudAlertState.Confirmed => ($"verdict = '{FraudAlert.Confirmed}'", "reviewed_at_utc DESC, alert_id DESC"),
            FraudAlertState.Dismissed => ($"verdict = '{FraudAlert.Dismissed}'", "reviewed_at_utc DESC, alert_id DESC"),
            _ => ("1 = 1", "alert_id DESC"),
        };
        await using var c = await _open(cancellationToken);
        await using var command = Command(c, null, $"""
            SELECT {Columns} FROM fraud_alerts WHERE {(storeId is null ? "1 = 1" : "store_id = @store")} AND {condition}
            ORDER BY {order} LIMIT @limit
            """, P("@store", storeId), P("@limit", limit));
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<FraudAlert?> FindAsync(long alertId, CancellationToken cancellationToken)
    {
        await using var c = await _open(cancellationToken);
        await using var command = Command(c, null, $"SELECT {Columns} FROM fraud_alerts WHERE alert_id = @id", P("@id", alertId));
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>Records an analyst's verdict (<see cref="FraudAlert.Confirmed"/> or <see cref="FraudAlert.Dismissed"/>); a later one replaces it. Null for an unknown alert.</summary>
    public async Task<FraudAlert?> ReviewAsync(long alertId, string verdict, string reviewer, string? note, CancellationToken cancellationToken)
    {
        if (verdict is not (FraudAlert.Confirmed or FraudAlert.Dismissed))
        {
            throw new ArgumentException($"a verdict is {FraudAlert.Confirmed} or {FraudAlert.Dismissed}, not '{verdict}'", nameof(verdict));
        }

        await using var c = await _open(cancellationToken);
        await using var command = Command(c, null, $"""
            UPDATE fraud_alerts SET verdict = @verdict, reviewed_by = @reviewer, reviewed_at_utc = @now, note = @note
            WHERE alert_id = @id RETURNING {Columns}
            """, P("@verdict", verdict), P("@reviewer", reviewer), P("@now", Stored(_clock.GetUtcNow())), P("@note", note), P("@id", alertId));
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>Every reviewed alert, oldest first: the labels supervised scoring trains on.</summary>
    public async Task<IReadOnlyList<FraudAlert>> ListReviewedAsync(CancellationToken cancellationToken)
    {
        await using var c = await _open(cancellationToken);
        await using var command = Command(c, null, $"SELECT {Columns} FROM fraud_alerts WHERE verdict IS NOT NULL ORDER BY alert_id");
        return await ReadAsync(command, cancellationToken);
    }

    private static async Task<List<FraudAlert>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        var alerts = new List<FraudAlert>();
        while (await r.ReadAsync(cancellationToken))
        {
            alerts.Add(new FraudAlert(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.GetFieldValue<DateOnly>(6), r.GetDouble(7), r.GetDouble(8), r.GetDouble(9), Storage.StoredAmount.Read(r, 10),
                JsonSerializer.Deserialize<List<string>>(r.GetString(11), PayloadJson)!, JsonSerializer.Deserialize<List<FraudEvidence>>(r.GetString(12), PayloadJson)!,
                Utc(r.GetDateTime(13)), Utc(r.GetDateTime(14)), r.IsDBNull(15) ? null : r.GetString(15), r.IsDBNull(16) ? null : r.GetString(16),
                UtcOrNull(r, 17), r.IsDBNull(18) ? null : r.GetString(18)));
        }

        return alerts;
    }
}
