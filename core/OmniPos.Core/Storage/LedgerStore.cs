using System.Data.Common;
using System.Text.Json;
using OmniPos.Core.Access;
using OmniPos.Core.Catalog;
using OmniPos.Core.Events;
using OmniPos.Core.Importing;
using OmniPos.Core.Ledger;
using OmniPos.Core.Money;
using OmniPos.Core.Pricing;
using OmniPos.Core.LossPrevention;
using OmniPos.Core.Replenishment;
using OmniPos.Core.Webhooks;
using static OmniPos.Core.Storage.Sql;

namespace OmniPos.Core.Storage;

/// <summary>
/// What both engines share: appends go through a <see cref="GroupCommitQueue"/>, and the schema's reads and the catalog
/// writes are the same SQL on each. An engine supplies connections, its append transactions, what its errors mean, and
/// the rule for how far a reader may go.
/// </summary>
public abstract class LedgerStore : IOperationalStore
{
    private readonly GroupCommitQueue _appends;
    private readonly ApiKeyRegistry _keys;

    private protected LedgerStore(SqlDialect dialect, GroupCommitQueue appends, TimeProvider clock)
    {
        _appends = appends;
        _keys = new ApiKeyRegistry(OpenConnectionAsync, clock);
        Importing = new ImportLedger(OpenConnectionAsync, dialect);
        Webhooks = new WebhookOutbox(OpenConnectionAsync, ReadEventsAsync, clock);
        Replenishment = new StockReplenishment(OpenConnectionAsync, Webhooks, clock);
        LossPrevention = new FraudAlerts(OpenConnectionAsync, Webhooks, clock);
    }

    public IImportLedger Importing { get; }

    public WebhookOutbox Webhooks { get; }

    public StockReplenishment Replenishment { get; }

    public FraudAlerts LossPrevention { get; }

    public async Task<AppendOutcome> AppendAsync(PosEvent e, CancellationToken cancellationToken) =>
        await QueueAppends([e], cancellationToken)[0];

    /// <summary>Each event is prepared on the caller's thread (see <see cref="PreparedEvent"/>) and queued before the next.</summary>
    public IReadOnlyList<Task<AppendOutcome>> QueueAppends(IReadOnlyList<PosEvent> events, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var outcomes = new Task<AppendOutcome>[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var (prepared, errors) = PreparedEvent.Prepare(events[i]);
            outcomes[i] = prepared is null ? Task.FromResult(AppendOutcome.Rejected(errors)) : _appends.Queue(prepared, cancellationToken);
        }

        return outcomes;
    }

    public abstract Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(long afterSeq, int maxCount, CancellationToken cancellationToken);

    /// <summary>Records the appends already waiting, then closes the engine.</summary>
    public async ValueTask DisposeAsync()
    {
        await _appends.DisposeAsync();
        await CloseAsync();
        GC.SuppressFinalize(this);
    }

    private protected abstract ValueTask CloseAsync();

    /// <summary>A connection for reads and catalog writes, outside any append transaction.</summary>
    private protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    public async Task<StockLevel> GetStockAsync(string sku, string location, CancellationToken cancellationToken)
    {
        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var session = new LedgerSession(c, null);
        return await LedgerQueries.ReadStockAsync(session, new StockKey(sku, location), cancellationToken)
            ?? new StockLevel(sku, location, 0, 0);
    }

    public async Task<ShelfPrice?> GetShelfPriceAsync(string sku, string storeId, CancellationToken cancellationToken)
    {
        const string query = """
            SELECT p.unit_price, s.currency, c.seq, c.unit_price, c.promotion_id
            FROM products p JOIN stores s ON s.store_id = @store
            LEFT JOIN price_changes c ON c.seq = (SELECT MAX(seq) FROM price_changes WHERE store_id = @store AND sku = @sku)
            WHERE p.sku = @sku
            """;
        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(c, null, query, P("@sku", sku), P("@store", storeId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var currency = reader.GetString(1).Trim();
        var changed = !reader.IsDBNull(2);
        var price = reader.GetDecimal(changed ? 3 : 0);
        return new ShelfPrice(sku, storeId, Currency.WithMinorUnits(price, currency), currency,
            changed ? reader.GetInt64(2) : null, changed && !reader.IsDBNull(4) ? reader.GetString(4) : null);
    }

    public async Task<TransactionRecord?> GetTransactionAsync(string transactionId, CancellationToken cancellationToken)
    {
        const string query = """
            SELECT e.seq, e.payload FROM transactions t JOIN events e ON e.seq = t.seq
            WHERE (t.transaction_id = @id AND t.kind = 'sale') OR (t.original_transaction_id = @id AND t.kind = 'return')
            ORDER BY e.seq
            """;
        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(c, null, query, P("@id", transactionId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        (long Seq, PosEvent Event)? sale = null;
        var returns = new List<PosEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var e = JsonSerializer.Deserialize<PosEvent>(reader.GetString(1), EventJson.Options)!;
            if (e.Body is Sales.SaleRecorded)
            {
                sale = (reader.GetInt64(0), e);
            }
            else
            {
                returns.Add(e);
            }
        }

        return sale is { } found ? new TransactionRecord(found.Seq, found.Event, returns) : null;
    }

    public Task SaveStoreAsync(Store store, CancellationToken cancellationToken) => SaveAsync(CatalogTables.Stores, [store], cancellationToken);

    public Task SaveDeviceAsync(Device device, CancellationToken cancellationToken) => SaveAsync(CatalogTables.Devices, [device], cancellationToken);

    public Task SaveProductAsync(Product product, CancellationToken cancellationToken) => SaveAsync(CatalogTables.Products, [product], cancellationToken);

    public Task SaveProductsAsync(IReadOnlyCollection<Product> products, CancellationToken cancellationToken) =>
        SaveAsync(CatalogTables.Products, products, cancellationToken);

    public Task SavePromotionAsync(Promotion promotion, CancellationToken cancellationToken) => SaveAsync(CatalogTables.Promotions, [promotion], cancellationToken);

    public Task SaveCustomerAsync(Customer customer, CancellationToken cancellationToken) => SaveAsync(CatalogTables.Customers, [customer], cancellationToken);

    public Task SaveEmployeeAsync(Employee employee, CancellationToken cancellationToken) => SaveAsync(CatalogTables.Employees, [employee], cancellationToken);

    public async Task<T?> FindCatalogEntryAsync<T>(string id, CancellationToken cancellationToken) where T : class
    {
        var table = CatalogTables.For<T>();
        return (await ReadCatalogAsync(table, $"{table.Key} = @id", cancellationToken, P("@id", id))).SingleOrDefault();
    }

    public Task<IReadOnlyList<T>> ListCatalogAsync<T>(CancellationToken cancellationToken) where T : class
    {
        var table = CatalogTables.For<T>();
        return ReadCatalogAsync(table, $"true ORDER BY {table.Key}", cancellationToken);
    }

    public Task<IssuedKey> CreateKeyAsync(AccessRole role, string? storeId, string? deviceId, CancellationToken cancellationToken) =>
        _keys.CreateAsync(role, storeId, deviceId, cancellationToken);

    public Task<IReadOnlyList<ApiKey>> ListKeysAsync(CancellationToken cancellationToken) => _keys.ListAsync(cancellationToken);

    public Task<bool> RevokeKeyAsync(string keyId, CancellationToken cancellationToken) => _keys.RevokeAsync(keyId, cancellationToken);

    public Task<ApiKey?> AuthenticateAsync(string token, CancellationToken cancellationToken) => _keys.AuthenticateAsync(token, cancellationToken);

    private async Task<IReadOnlyList<T>> ReadCatalogAsync<T>(CatalogTable<T> table, string condition, CancellationToken cancellationToken,
        params KeyValuePair<string, object?>[] parameters) where T : class
    {
        await using var c = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(c, null, table.SelectWhere(condition), parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(table.Read(reader));
        }

        return entries;
    }

    /// <summary>The events after a seq, up to an inclusive bound when the engine has one.</summary>
    private protected static async Task<IReadOnlyList<StoredEvent>> SelectEventsAsync(DbConnection c, long afterSeq, long? throughSeq, int maxCount, CancellationToken ct)
    {
        var query = $"""
            SELECT seq, event_id, event_type, store_id, device_id, occurred_at_utc, occurred_offset_minutes, received_at_utc, payload_hash, payload
            FROM events WHERE seq > @after{(throughSeq is null ? "" : " AND seq <= @through")}
            ORDER BY seq LIMIT @max
            """;
        await using var command = Command(c, null, query, P("@after", afterSeq), P("@through", throughSeq), P("@max", maxCount));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(ct))
        {
            var offset = TimeSpan.FromMinutes(reader.GetInt32(6));
            events.Add(new StoredEvent(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                Utc(reader.GetDateTime(5)).ToOffset(offset), Utc(reader.GetDateTime(7)), reader.GetString(8), reader.GetString(9)));
        }

        return events;
    }

    /// <summary>
    /// Creates or replaces the entries in one transaction, all or none; an entry breaking its catalog rule, or of a store
    /// that does not exist, is refused by name (not by a foreign key error) before anything is written.
    /// </summary>
    private async Task SaveAsync<T>(CatalogTable<T> table, IReadOnlyCollection<T> entries, CancellationToken ct) where T : class
    {
        foreach (var entry in entries)
        {
            table.Check(entry);
        }

        var text = $"INSERT INTO {table.Table} ({string.Join(", ", table.AllColumns)}) VALUES ({string.Join(", ", table.AllColumns.Select((_, i) => $"@v{i}"))}) "
            + $"ON CONFLICT ({table.Key}) DO UPDATE SET {string.Join(", ", table.Columns.Select(c => $"{c} = excluded.{c}"))}";
        await using var c = await OpenConnectionAsync(ct);
        foreach (var storeId in entries.Select(table.RequiredStore).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (!await ExistsAsync(c, "stores", "store_id", storeId, ct))
            {
                throw new ArgumentException($"store '{storeId}' does not exist");
            }
        }

        await using var transaction = await c.BeginTransactionAsync(ct);
        foreach (var entry in entries)
        {
            await ExecuteAsync(c, transaction, text, ct, [.. table.Values(entry).Select((v, i) => P($"@v{i}", v))]);
        }

        await transaction.CommitAsync(ct);
    }
}
