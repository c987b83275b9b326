using System.Data.Common;
using OmniPos.Core.Storage;
using static OmniPos.Core.Storage.Sql;

namespace OmniPos.Core.Importing;

/// <summary>Import runs and processor records in the operational store; the same SQL on both engines.</summary>
internal sealed class ImportLedger(Func<CancellationToken, Task<DbConnection>> open, SqlDialect dialect) : IImportLedger
{
    private static readonly RecordTable<Settlement> Settlements = new("settlements", "settlement_date", ["amount", "fee", "currency"],
        s => [s.Amount, s.Fee, s.Currency],
        r => new Settlement(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetString(2), r.GetString(3), r.GetDecimal(4), r.GetDecimal(5), r.GetString(6)));

    private static readonly RecordTable<Chargeback> Chargebacks = new("chargebacks", "chargeback_date", ["amount", "currency", "reason_code"],
        c => [c.Amount, c.Currency, c.ReasonCode],
        r => new Chargeback(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetString(2), r.GetString(3), r.GetDecimal(4), r.GetString(5), r.GetString(6)));

    public async Task<ImportRun?> FindRunAsync(string importId, CancellationToken cancellationToken)
    {
        await using var c = await open(cancellationToken);
        await using var command = Command(c, null,
            "SELECT import_id, kind, units_done, report, started_at_utc, finished_at_utc FROM import_runs WHERE import_id = @id", P("@id", importId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ImportRun(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3),
                Utc(reader.GetDateTime(4)), reader.IsDBNull(5) ? null : Utc(reader.GetDateTime(5)))
            : null;
    }

    public async Task SaveRunAsync(ImportRun run, CancellationToken cancellationToken)
    {
        const string upsert = """
            INSERT INTO import_runs (import_id, kind, units_done, report, started_at_utc, finished_at_utc)
            VALUES (@id, @kind, @done, @report, @started, @finished)
            ON CONFLICT (import_id) DO UPDATE SET units_done = excluded.units_done, report = excluded.report,
              started_at_utc = excluded.started_at_utc, finished_at_utc = excluded.finished_at_utc
            """;
        await using var c = await open(cancellationToken);
        await ExecuteAsync(c, null, upsert, cancellationToken, P("@id", run.ImportId), P("@kind", run.Kind), P("@done", run.UnitsDone),
            P("@report", run.Report), P("@started", run.StartedAt.UtcDateTime), P("@finished", run.FinishedAt?.UtcDateTime));
    }

    public Task<IReadOnlyList<RecordStatus>> AddSettlementsAsync(IReadOnlyList<Settlement> settlements, CancellationToken cancellationToken) =>
        AddAsync(Settlements, settlements, cancellationToken);

    public Task<IReadOnlyList<RecordStatus>> AddChargebacksAsync(IReadOnlyList<Chargeback> chargebacks, CancellationToken cancellationToken) =>
        AddAsync(Chargebacks, chargebacks, cancellationToken);

    public Task<IReadOnlyList<RecordedEntry<Settlement>>> ReadSettlementsAfterAsync(long afterSeq, int maxCount, CancellationToken cancellationToken) =>
        ReadAfterAsync(Settlements, afterSeq, maxCount, cancellationToken);

    public Task<IReadOnlyList<RecordedEntry<Chargeback>>> ReadChargebacksAfterAsync(long afterSeq, int maxCount, CancellationToken cancellationToken) =>
        ReadAfterAsync(Chargebacks, afterSeq, maxCount, cancellationToken);

    public Task<IReadOnlyList<Settlement>> ReadSettlementsAsync(string storeId, DateOnly from, DateOnly through, CancellationToken cancellationToken) =>
        ReadAsync(Settlements, storeId, from, through, cancellationToken);

    public Task<IReadOnlyList<Chargeback>> ReadChargebacksAsync(string storeId, DateOnly from, DateOnly through, CancellationToken cancellationToken) =>
        ReadAsync(Chargebacks, storeId, from, through, cancellationToken);

    /// <summary>
    /// Each record is checked against its store and inserted unless its key is taken; a taken key is a duplicate when the
    /// record there equals this one (amounts compared as numbers, so 12.5 and 12.50 are the same), a conflict otherwise.
    /// </summary>
    private async Task<IReadOnlyList<RecordStatus>> AddAsync<T>(RecordTable<T> table, IReadOnlyList<T> records, CancellationToken ct) where T : ProcessorRecord
    {
        await using var c = await open(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        if (dialect.SerializeInsertsInto(table.Table) is { } serialize)
        {
            await ExecuteAsync(c, tx, serialize, ct);
        }

        var currencies = new Dictionary<string, string?>(StringComparer.Ordinal);
        var statuses = new List<RecordStatus>(records.Count);
        foreach (var record in records)
        {
            if (!currencies.TryGetValue(record.StoreId, out var currency))
            {
                await using var lookup = Command(c, tx, "SELECT currency FROM stores WHERE store_id = @id", P("@id", record.StoreId));
                currencies[record.StoreId] = currency = await lookup.ExecuteScalarAsync(ct) as string;
            }

            statuses.Add(currency is null ? RecordStatus.UnknownStore
                : currency != record.Currency ? RecordStatus.WrongCurrency
                : await ExecuteAsync(c, tx, table.Insert, ct, table.Row(record)) > 0 ? RecordStatus.Added
                : Equals(await ReadOneAsync(c, tx, table, record, ct), record) ? RecordStatus.Duplicate
                : RecordStatus.Conflict);
        }

        await tx.CommitAsync(ct);
        return statuses;
    }

    private static async Task<T?> ReadOneAsync<T>(DbConnection c, DbTransaction tx, RecordTable<T> table, T record, CancellationToken ct) where T : ProcessorRecord
    {
        await using var command = Command(c, tx, table.SelectOne, RecordTable<T>.Key(record));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? table.Read(reader) : null;
    }

    private async Task<IReadOnlyList<RecordedEntry<T>>> ReadAfterAsync<T>(RecordTable<T> table, long afterSeq, int maxCount, CancellationToken ct)
        where T : ProcessorRecord
    {
        await using var c = await open(ct);
        await using var command = Command(c, null, table.SelectAfter, P("@after", afterSeq), P("@max", maxCount));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var records = new List<RecordedEntry<T>>();
        while (await reader.ReadAsync(ct))
        {
            records.Add(new RecordedEntry<T>(reader.GetInt64(reader.FieldCount - 1), table.Read(reader)));
        }

        return records;
    }

    private async Task<IReadOnlyList<T>> ReadAsync<T>(RecordTable<T> table, string storeId, DateOnly from, DateOnly through, CancellationToken ct) where T : ProcessorRecord
    {
        await using var c = await open(ct);
        await using var command = Command(c, null, table.SelectRange, P("@store", storeId), P("@from", from), P("@through", through));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var records = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            records.Add(table.Read(reader));
        }

        return records;
    }
}
