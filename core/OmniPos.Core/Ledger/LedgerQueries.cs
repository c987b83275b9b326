using System.Data.Common;
using System.Globalization;
using OmniPos.Core.Catalog;
using OmniPos.Core.Payments;
using OmniPos.Core.Sales;
using OmniPos.Core.Storage;
using static OmniPos.Core.Storage.Sql;

namespace OmniPos.Core.Ledger;

/// <summary>
/// Reads, inside the recording transaction, what a segment's validation and writes need, with SQL texts that do not
/// depend on how many events the segment holds. Rows the segment will change are locked.
/// </summary>
internal static class LedgerQueries
{
    /// <summary>What each kind of referenced catalog row is, where it lives, and which of an event's references name one.</summary>
    private static readonly (string Kind, string Table, string Column, Func<EventReferences, IEnumerable<string?>> Ids)[] Existence =
    [
        (SegmentFacts.Product, "products", "sku", r => r.Skus),
        (SegmentFacts.Promotion, "promotions", "promotion_id", r => r.Promotions),
        (SegmentFacts.Customer, "customers", "customer_id", r => [r.CustomerId]),
        (SegmentFacts.Employee, "employees", "employee_id", r => [r.EmployeeId]),
    ];

    /// <summary>
    /// Adds the segment's reads to the batch; the function answers the facts once the batch has run. Catalog facts found
    /// in <paramref name="catalog"/> are not asked for again; the catalog version read first tells whether they still
    /// held (see <see cref="SegmentFacts.Stale"/>), and only then are the facts read added to the cache.
    /// </summary>
    public static Func<SegmentFacts> AskFor(SqlBatch batch, SqlDialect dialect, IReadOnlyList<PreparedEvent> segment, CatalogCache catalog)
    {
        var facts = new SegmentFacts();
        long? catalogVersion = null;
        batch.AddQuery("SELECT version FROM catalog_version", r => catalogVersion = r.GetInt64(0));

        batch.AddQuery(dialect.FreshSeqs, r => facts.AddFreshSeqs(r.GetInt64(0), r.GetInt32(1)), P("@count", segment.Count));
        var refs = segment.Select(p => p.References).ToList();
        KeyValuePair<string, object?> List(string name, IEnumerable<string> values) => P(name, dialect.ListValue(values));

        batch.AddQuery($"SELECT event_id, seq, payload_hash FROM events WHERE {dialect.IsIn("event_id", "@ids")}",
            r => facts.Recorded[r.GetString(0)] = (r.GetInt64(1), r.GetString(2)),
            List("@ids", Distinct(segment.Select(p => p.Event.EventId))));
        if (TakeCached(segment.Select(p => p.Event.StoreId), id => Copy(catalog.Stores, facts.Stores, id), facts) is { Count: > 0 } stores)
        {
            batch.AddQuery(CatalogTables.Stores.SelectWhere(dialect.IsIn(CatalogTables.Stores.Key, "@ids")),
                r => facts.Stores[r.GetString(0)] = CatalogTables.Stores.Read(r), List("@ids", stores));
        }

        if (TakeCached(segment.Select(p => p.Event.DeviceId), id => Copy(catalog.Devices, facts.Devices, id), facts) is { Count: > 0 } devices)
        {
            batch.AddQuery(CatalogTables.Devices.SelectWhere(dialect.IsIn(CatalogTables.Devices.Key, "@ids")),
                r => facts.Devices[r.GetString(0)] = CatalogTables.Devices.Read(r), List("@ids", devices));
        }

        AskWhichExist(batch, dialect, facts, catalog, refs);
        AskForReceipts(batch, dialect, facts, segment);

        var originals = refs.Select(x => x.OriginalTransactionId).OfType<string>().ToList();
        var sales = originals.Count > 0 ? AskForSales(batch, dialect, List("@ids", Distinct(originals)), facts.OriginalKinds) : null;
        foreach (var key in refs.SelectMany(x => x.ReservedStock).Distinct())
        {
            AskForStock(batch, key, dialect.LockRowsSuffix, level => facts.Stock[key] = level);
        }

        return () =>
        {
            sales?.AddTo(facts.Sales);
            // Rows read in this batch came after the version, so they hold for it; cached ones only if it is the cache's.
            var cacheHeld = catalog.Confirm(catalogVersion ?? throw new InvalidOperationException("the catalog version was not read"));
            facts.Stale = !cacheHeld && facts.UsedCache;
            if (!facts.Stale)
            {
                catalog.Remember(facts);
            }

            return facts;
        };
    }

    /// <summary>
    /// The facts of a segment from the catalog cache alone, or null when something must be read: a store, device or other
    /// catalog row the cache does not hold, a sale the segment changes, or stock it checks. Whether its event ids and receipt
    /// numbers are taken is not read either: the facts say none is, and the unique indexes hold the writes to that.
    /// </summary>
    public static SegmentFacts? FromCache(IReadOnlyList<PreparedEvent> segment, CatalogCache catalog)
    {
        var facts = new SegmentFacts { UsedCache = true };
        foreach (var (e, refs) in segment.Select(p => (p.Event, p.References)))
        {
            if (refs.OriginalTransactionId is not null || refs.ReservedStock.Count > 0
                || !Copy(catalog.Stores, facts.Stores, e.StoreId) || !Copy(catalog.Devices, facts.Devices, e.DeviceId))
            {
                return null;
            }

            foreach (var (kind, _, _, ids) in Existence)
            {
                foreach (var id in ids(refs).OfType<string>())
                {
                    if (!catalog.Existing(kind).Contains(id))
                    {
                        return null;
                    }

                    facts.Known(kind).Add(id);
                }
            }
        }

        return facts;
    }

    /// <summary>A SKU's units at a location, outside any append.</summary>
    public static async Task<StockLevel?> ReadStockAsync(LedgerSession s, StockKey key, CancellationToken ct)
    {
        StockLevel? found = null;
        var batch = new SqlBatch();
        AskForStock(batch, key, "", level => found = level);
        await batch.ExecuteAsync(s, ct);
        return found;
    }

    /// <summary>
    /// One query answers which of the named catalog rows exist. Kinds with nothing to ask about are left out, which keeps
    /// the query small to plan (a sale asks about products, rarely more); each combination is one text. Rows the cache
    /// knows are not asked for.
    /// </summary>
    private static void AskWhichExist(SqlBatch batch, SqlDialect dialect, SegmentFacts facts, CatalogCache catalog, List<EventReferences> refs)
    {
        var parts = new List<string>();
        var parameters = new List<KeyValuePair<string, object?>>();
        foreach (var (kind, table, column, ids) in Existence)
        {
            var known = facts.Known(kind);
            var cached = catalog.Existing(kind);
            var unknown = TakeCached(refs.SelectMany(ids), id => cached.Contains(id) && known.Add(id), facts);
            if (unknown.Count > 0)
            {
                parts.Add($"SELECT '{kind}', {column} FROM {table} WHERE {dialect.IsIn(column, $"@{kind}")}");
                parameters.Add(P($"@{kind}", dialect.ListValue(unknown)));
            }
        }

        if (parts.Count > 0)
        {
            batch.AddQuery(string.Join(" UNION ALL ", parts), r => facts.Known(r.GetString(0)).Add(r.GetString(1)), [.. parameters]);
        }
    }

    /// <summary>
    /// Whether the receipt numbers the segment's events create are taken, or awaited by returns recorded ahead of their sale
    /// (rows locked: a sale replaces the placeholder, and a return that names it must wait for that). For the segment's sales,
    /// what such returns refunded to each tender, read after the lock so that none committed meanwhile is missed.
    /// </summary>
    private static void AskForReceipts(SqlBatch batch, SqlDialect dialect, SegmentFacts facts, IReadOnlyList<PreparedEvent> segment)
    {
        var created = Distinct(segment.Select(p => p.References.NewTransactionId)).ToList();
        if (created.Count == 0)
        {
            return;
        }

        batch.AddQuery($"SELECT transaction_id, kind FROM transactions WHERE {dialect.IsIn("transaction_id", "@receipts")}{dialect.LockRowsSuffix}",
            r => (r.GetString(1) == LedgerTables.AwaitedSale ? facts.AwaitedSales : facts.TakenTransactionIds).Add(r.GetString(0)),
            P("@receipts", dialect.ListValue(created)));
        var sales = Distinct(segment.Where(p => p.Event.Body is SaleRecorded).Select(p => p.References.NewTransactionId)).ToList();
        if (sales.Count > 0)
        {
            batch.AddQuery(
                "SELECT t.original_transaction_id, r.original_tender_no, r.amount FROM transactions t JOIN refunds r ON r.seq = t.seq "
                + $"WHERE t.kind = 'return' AND r.original_tender_no IS NOT NULL AND {dialect.IsIn("t.original_transaction_id", "@sales")}",
                r => AddRefund(facts.AwaitedRefunds, r.GetString(0), r.GetInt32(1), r.GetDecimal(2)),
                P("@sales", dialect.ListValue(sales)));
        }
    }

    private static void AddRefund(Dictionary<string, Dictionary<int, decimal>> bySale, string transactionId, int tenderNo, decimal amount)
    {
        if (!bySale.TryGetValue(transactionId, out var byTender))
        {
            bySale[transactionId] = byTender = [];
        }

        byTender[tenderNo] = byTender.GetValueOrDefault(tenderNo) + amount;
    }

    /// <summary>The distinct ids that <paramref name="fromCache"/> could not answer (it takes an id's cached fact into the segment's).</summary>
    private static List<string> TakeCached(IEnumerable<string?> ids, Func<string, bool> fromCache, SegmentFacts facts)
    {
        var unknown = new List<string>();
        foreach (var id in Distinct(ids))
        {
            if (fromCache(id))
            {
                facts.UsedCache = true;
            }
            else
            {
                unknown.Add(id);
            }
        }

        return unknown;
    }

    private static bool Copy<T>(Dictionary<string, T> cached, Dictionary<string, T> facts, string id)
    {
        if (!cached.TryGetValue(id, out var row))
        {
            return false;
        }

        facts[id] = row;
        return true;
    }

    private static IEnumerable<string> Distinct(IEnumerable<string?> ids) => ids.OfType<string>().Distinct(StringComparer.Ordinal);

    private static void AskForStock(SqlBatch batch, StockKey key, string suffix, Action<StockLevel> found) =>
        batch.AddQuery($"SELECT on_hand, reserved FROM stock WHERE sku = @sku AND location = @location{suffix}",
            r => found(new StockLevel(key.Sku, key.Location, r.GetInt32(0), r.GetInt32(1))),
            P("@sku", key.Sku), P("@location", key.Location));

    /// <summary>
    /// The sales that returns and payment events of the segment change: each locked, with units sold and returned per SKU
    /// and its tenders. What each named receipt number is (a sale, an awaited sale, a return) goes to <paramref name="kinds"/>;
    /// a placeholder is locked as a sale is, so a return that names it waits for the sale replacing it.
    /// </summary>
    private static SaleRows AskForSales(SqlBatch batch, SqlDialect dialect, KeyValuePair<string, object?> ids, Dictionary<string, string> kinds)
    {
        var rows = new SaleRows();
        batch.AddQuery($"SELECT transaction_id, seq, currency, kind FROM transactions WHERE {dialect.IsIn("transaction_id", "@ids")}{dialect.LockRowsSuffix}",
            r =>
            {
                kinds[r.GetString(0)] = r.GetString(3);
                if (r.GetString(3) == "sale")
                {
                    rows.Heads[r.GetString(0)] = (r.GetInt64(1), r.GetString(2).Trim());
                }
            },
            ids);
        var sales = $"FROM transactions WHERE kind = 'sale' AND {dialect.IsIn("transaction_id", "@ids")}";
        batch.AddQuery($"SELECT s.transaction_id, l.sku, SUM(l.quantity) FROM (SELECT transaction_id, seq {sales}) s JOIN sale_lines l ON l.seq = s.seq GROUP BY s.transaction_id, l.sku",
            r => SaleRows.Count(rows.Sold, r), ids);
        batch.AddQuery($"SELECT original_transaction_id, sku, SUM(quantity) FROM return_lines WHERE {dialect.IsIn("original_transaction_id", "@ids")} GROUP BY original_transaction_id, sku",
            r => SaleRows.Count(rows.Returned, r), ids);
        batch.AddQuery($"SELECT s.transaction_id, t.tender_no, t.kind, t.amount, t.paid, t.refunded, t.captured FROM (SELECT transaction_id, seq {sales}) s JOIN tenders t ON t.seq = s.seq ORDER BY s.transaction_id, t.tender_no",
            r => rows.TendersOf(r.GetString(0)).Add(new TenderPosition(r.GetInt32(1), EnumText.Parse<TenderKind>(r.GetString(2)),
                r.GetDecimal(3), r.GetDecimal(4), r.GetDecimal(5), r.GetDecimal(6))), ids);
        return rows;
    }

    private sealed class SaleRows
    {
        public Dictionary<string, (long Seq, string Currency)> Heads { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Dictionary<string, int>> Sold { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Dictionary<string, int>> Returned { get; } = new(StringComparer.Ordinal);

        private Dictionary<string, List<TenderPosition>> Tenders { get; } = new(StringComparer.Ordinal);

        public List<TenderPosition> TendersOf(string transactionId) =>
            Tenders.TryGetValue(transactionId, out var list) ? list : Tenders[transactionId] = [];

        public static void Count(Dictionary<string, Dictionary<string, int>> bySale, DbDataReader r)
        {
            var id = r.GetString(0);
            if (!bySale.TryGetValue(id, out var bySku))
            {
                bySale[id] = bySku = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            bySku[r.GetString(1)] = Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture);
        }

        public void AddTo(Dictionary<string, SaleFacts> sales)
        {
            foreach (var (id, (seq, currency)) in Heads)
            {
                sales[id] = new SaleFacts(id, seq, currency, Sold.GetValueOrDefault(id) ?? [], Returned.GetValueOrDefault(id) ?? [], TendersOf(id));
            }
        }
    }
}
