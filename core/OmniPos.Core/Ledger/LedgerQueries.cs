using OmniPos.Core.Catalog;
using OmniPos.Core.Events;
using OmniPos.Core.Payments;
using OmniPos.Core.Storage;
using static OmniPos.Core.Storage.Sql;

namespace OmniPos.Core.Ledger;

/// <summary>Reads, inside the recording transaction, what an event's validation and writes need; rows the event will change are locked.</summary>
internal static class LedgerQueries
{
    /// <summary>
    /// The first read of an append, in one statement: the event id if already recorded, the store and the device. Its
    /// FROM is the dialect's opening row, which on PostgreSQL takes the seq barrier lock before anything else happens.
    /// </summary>
    public static async Task<Opening> OpenAsync(LedgerSession s, SqlDialect dialect, PosEvent e, CancellationToken ct)
    {
        var text = $"""
            SELECT e.seq, e.payload_hash, st.store_id, st.name, st.time_zone, st.currency, st.tax_jurisdiction, d.device_id, d.store_id, d.kind
            FROM {dialect.OpeningRow} AS opening
            LEFT JOIN events e ON e.event_id = @id
            LEFT JOIN stores st ON st.store_id = @store
            LEFT JOIN devices d ON d.device_id = @device
            """;
        var command = s.Command(text, P("@id", e.EventId), P("@store", e.StoreId), P("@device", e.DeviceId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new Opening(
            reader.IsDBNull(0) ? null : (reader.GetInt64(0), reader.GetString(1)),
            reader.IsDBNull(2) ? null : new Store(reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5).Trim(), reader.GetString(6)),
            reader.IsDBNull(7) ? null : new Device(reader.GetString(7), reader.GetString(8), EnumText.Parse<DeviceKind>(reader.GetString(9))));
    }

    public static async Task<LedgerFacts> LoadAsync(LedgerSession s, SqlDialect dialect, Opening opening, EventReferences refs, CancellationToken ct)
    {
        var known = await LoadKnownReferencesAsync(s, refs, ct);
        return new LedgerFacts(
            opening.Store,
            opening.Device,
            known.GetValueOrDefault("product", []),
            known.GetValueOrDefault("promotion", []),
            refs.CustomerId is not null && known.ContainsKey("customer"),
            refs.EmployeeId is not null && known.ContainsKey("employee"),
            known.ContainsKey("transaction"),
            refs.OriginalTransactionId is { } original ? await LoadSaleAsync(s, dialect, original, ct) : null,
            await LoadStockAsync(s, dialect, refs.ReservedStock, ct));
    }

    /// <summary>One query answers "which of these exist" for products, promotions, the customer, the employee and the new receipt number.</summary>
    private static async Task<Dictionary<string, HashSet<string>>> LoadKnownReferencesAsync(LedgerSession s, EventReferences refs, CancellationToken ct)
    {
        var parameters = new List<KeyValuePair<string, object?>>();
        var parts = new List<string>();
        void Ask(string kind, string table, string column, IEnumerable<string> ids)
        {
            var list = ids.ToList();
            if (list.Count > 0)
            {
                parts.Add($"SELECT '{kind}', {column} FROM {table} WHERE {column} IN ({InList(kind[..3], list, parameters)})");
            }
        }

        Ask("product", "products", "sku", refs.Skus);
        Ask("promotion", "promotions", "promotion_id", refs.Promotions);
        Ask("customer", "customers", "customer_id", refs.CustomerId is null ? [] : [refs.CustomerId]);
        Ask("employee", "employees", "employee_id", refs.EmployeeId is null ? [] : [refs.EmployeeId]);
        Ask("transaction", "transactions", "transaction_id", refs.NewTransactionId is null ? [] : [refs.NewTransactionId]);
        var known = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        if (parts.Count == 0)
        {
            return known;
        }

        var command = s.Command(string.Join(" UNION ALL ", parts), [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var kind = reader.GetString(0);
            if (!known.TryGetValue(kind, out var ids))
            {
                known[kind] = ids = new HashSet<string>(StringComparer.Ordinal);
            }

            ids.Add(reader.GetString(1));
        }

        return known;
    }

    private static async Task<SaleFacts?> LoadSaleAsync(LedgerSession s, SqlDialect dialect, string transactionId, CancellationToken ct)
    {
        var id = P("@id", transactionId);
        var head = s.Command($"SELECT currency FROM transactions WHERE transaction_id = @id AND kind = 'sale'{dialect.LockRowsSuffix}", id);
        if (await head.ExecuteScalarAsync(ct) is not string found)
        {
            return null;
        }

        var currency = found.Trim();

        var sold = await SumBySkuAsync(s, "SELECT sku, SUM(quantity) FROM sale_lines WHERE transaction_id = @id GROUP BY sku", transactionId, ct);
        var returned = await SumBySkuAsync(s, "SELECT sku, SUM(quantity) FROM return_lines WHERE original_transaction_id = @id GROUP BY sku", transactionId, ct);
        var tenders = new List<TenderPosition>();
        var command = s.Command("SELECT tender_no, kind, amount, paid, refunded, captured FROM tenders WHERE transaction_id = @id ORDER BY tender_no", id);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                tenders.Add(new TenderPosition(reader.GetInt32(0), EnumText.Parse<TenderKind>(reader.GetString(1)),
                    reader.GetDecimal(2), reader.GetDecimal(3), reader.GetDecimal(4), reader.GetDecimal(5)));
            }
        }

        return new SaleFacts(transactionId, currency, sold, returned, tenders);
    }

    private static async Task<Dictionary<string, int>> SumBySkuAsync(LedgerSession s, string text, string transactionId, CancellationToken ct)
    {
        var sums = new Dictionary<string, int>(StringComparer.Ordinal);
        var command = s.Command(text, P("@id", transactionId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            sums[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return sums;
    }

    private static async Task<Dictionary<StockKey, StockLevel>> LoadStockAsync(LedgerSession s, SqlDialect dialect, IReadOnlyList<StockKey> keys, CancellationToken ct)
    {
        var stock = new Dictionary<StockKey, StockLevel>();
        foreach (var key in keys)
        {
            if (await ReadStockAsync(s, key, dialect.LockRowsSuffix, ct) is { } level)
            {
                stock[key] = level;
            }
        }

        return stock;
    }

    public static async Task<StockLevel?> ReadStockAsync(LedgerSession s, StockKey key, string suffix, CancellationToken ct)
    {
        var command = s.Command($"SELECT on_hand, reserved FROM stock WHERE sku = @sku AND location = @location{suffix}",
            P("@sku", key.Sku), P("@location", key.Location));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new StockLevel(key.Sku, key.Location, reader.GetInt32(0), reader.GetInt32(1)) : null;
    }
}
