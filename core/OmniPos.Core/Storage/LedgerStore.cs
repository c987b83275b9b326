using System.Data.Common;
using System.Text.Json;
using OmniPos.Core.Access;
using OmniPos.Core.Catalog;
using OmniPos.Core.Events;
using OmniPos.Core.Ledger;
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

    private protected LedgerStore(GroupCommitQueue appends, TimeProvider clock)
    {
        _appends = appends;
        _keys = new ApiKeyRegistry(OpenConnectionAsync, clock);
        Webhooks = new WebhookOutbox(OpenConnectionAsync, ReadEventsAsync, clock);
    }

    public WebhookOutbox Webhooks { get; }

    public async Task<AppendOutcome> AppendAsync(PosEvent e, CancellationToken cancellationToken)
    {
        var (prepared, errors) = PreparedEvent.Prepare(e);
        return prepared is null ? AppendOutcome.Rejected(errors) : await _appends.AppendAsync(prepared, cancellationToken);
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

    public Task SaveStoreAsync(Store store, CancellationToken cancellationToken)
    {
        CatalogRules.Check(store);
        return UpsertAsync("stores", "store_id", ["name", "time_zone", "currency", "tax_jurisdiction"],
            [store.StoreId, store.Name, store.TimeZone, store.Currency, store.TaxJurisdiction], cancellationToken);
    }

    public Task SaveDeviceAsync(Device device, CancellationToken cancellationToken) =>
        UpsertAsync("devices", "device_id", ["store_id", "kind"], [device.DeviceId, device.StoreId, EnumText.Of(device.Kind)], cancellationToken,
            requiredStore: device.StoreId);

    public Task SaveProductAsync(Product product, CancellationToken cancellationToken)
    {
        CatalogRules.Check(product);
        return UpsertAsync("products", "sku", ["name", "category_path", "unit_cost", "unit_price"],
            [product.Sku, product.Name, JsonSerializer.Serialize(product.CategoryPath), product.UnitCost, product.UnitPrice], cancellationToken);
    }

    public Task SavePromotionAsync(Promotion promotion, CancellationToken cancellationToken)
    {
        CatalogRules.Check(promotion);
        return UpsertAsync("promotions", "promotion_id", ["name", "starts_on", "ends_on"],
            [promotion.PromotionId, promotion.Name, promotion.StartsOn, promotion.EndsOn], cancellationToken);
    }

    public Task SaveCustomerAsync(Customer customer, CancellationToken cancellationToken) =>
        UpsertAsync("customers", "customer_id", ["name", "email"], [customer.CustomerId, customer.Name, customer.Email], cancellationToken);

    public Task SaveEmployeeAsync(Employee employee, CancellationToken cancellationToken) =>
        UpsertAsync("employees", "employee_id", ["store_id", "name", "role"],
            [employee.EmployeeId, employee.StoreId, employee.Name, employee.Role], cancellationToken, requiredStore: employee.StoreId);

    public Task<IssuedKey> CreateKeyAsync(AccessRole role, string? storeId, string? deviceId, CancellationToken cancellationToken) =>
        _keys.CreateAsync(role, storeId, deviceId, cancellationToken);

    public Task<IReadOnlyList<ApiKey>> ListKeysAsync(CancellationToken cancellationToken) => _keys.ListAsync(cancellationToken);

    public Task<bool> RevokeKeyAsync(string keyId, CancellationToken cancellationToken) => _keys.RevokeAsync(keyId, cancellationToken);

    public Task<ApiKey?> AuthenticateAsync(string token, CancellationToken cancellationToken) => _keys.AuthenticateAsync(token, cancellationToken);

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

    /// <param name="requiredStore">The store the row belongs to, which must exist (an unknown one is refused by name, not by a foreign key error).</param>
    private async Task UpsertAsync(string table, string key, string[] columns, object?[] values, CancellationToken ct, string? requiredStore = null)
    {
        var all = new[] { key }.Concat(columns).ToArray();
        var text = $"INSERT INTO {table} ({string.Join(", ", all)}) VALUES ({string.Join(", ", all.Select((_, i) => $"@v{i}"))}) "
            + $"ON CONFLICT ({key}) DO UPDATE SET {string.Join(", ", columns.Select(c => $"{c} = excluded.{c}"))}";
        await using var c = await OpenConnectionAsync(ct);
        if (requiredStore is not null && !await ExistsAsync(c, "stores", "store_id", requiredStore, ct))
        {
            throw new ArgumentException($"store '{requiredStore}' does not exist");
        }

        await ExecuteAsync(c, null, text, ct, [.. values.Select((v, i) => P($"@v{i}", v))]);
    }
}
