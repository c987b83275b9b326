using System.Text;
using OmniPos.Core.Events;
using OmniPos.Core.Returns;
using OmniPos.Core.Sales;
using OmniPos.Core.Storage;
using OmniPos.Warehouse.DuckDb;

namespace OmniPos.Warehouse.Lake;

/// <summary>Sale and return lines counted and summed.</summary>
public sealed record SalesTotals(long SaleLines, long UnitsSold, decimal Gross, long ReturnLines, long UnitsReturned, decimal Refunded)
{
    public static SalesTotals None { get; } = new(0, 0, 0m, 0, 0, 0m);
}

/// <summary>
/// Whether the lake holds exactly what the store accepted: the sale and return lines of every event in the store's log,
/// by a plain pass over it, against the lake's Parquet files, read by a DuckDB of its own (so a landing may hold
/// warehouse.duckdb meanwhile). Equal only when every event landed once; run it after a landing (which removes what an
/// interrupted one left) and while nothing is being posted.
/// </summary>
public static class LakeReconciliation
{
    public static async Task<(SalesTotals Store, SalesTotals Lake)> ReconcileAsync(IOperationalStore store, string dataDirectory, CancellationToken cancellationToken)
    {
        var inStore = await OfStoreAsync(store, cancellationToken);
        return (inStore, OfLake(Path.Combine(dataDirectory, AnalyticsWarehouse.LakeFolder)));
    }

    private static async Task<SalesTotals> OfStoreAsync(IOperationalStore store, CancellationToken cancellationToken)
    {
        var totals = SalesTotals.None;
        var after = 0L;
        for (IReadOnlyList<StoredEvent> page; (page = await store.ReadEventsAsync(after, 5_000, cancellationToken)).Count > 0; after = page[^1].Seq)
        {
            foreach (var stored in page)
            {
                totals = EventJson.Parse(Encoding.UTF8.GetBytes(stored.Payload)).Event?.Body switch
                {
                    SaleRecorded sale => totals with
                    {
                        SaleLines = totals.SaleLines + sale.Lines.Count,
                        UnitsSold = totals.UnitsSold + sale.Lines.Sum(l => (long)l.Quantity),
                        Gross = totals.Gross + sale.Lines.Sum(l => l.ExtendedPrice),
                    },
                    ReturnRecorded returned => totals with
                    {
                        ReturnLines = totals.ReturnLines + returned.Lines.Count,
                        UnitsReturned = totals.UnitsReturned + returned.Lines.Sum(l => (long)l.Quantity),
                        Refunded = totals.Refunded + returned.Lines.Sum(l => l.RefundAmount),
                    },
                    _ => totals,
                };
            }
        }

        return totals;
    }

    private static SalesTotals OfLake(string lake)
    {
        using var database = DuckDbDatabase.Open(null);
        using var connection = database.Connect();
        var (saleLines, sold, gross) = Sum(connection, lake, FactTables.SaleLines, "gross");
        var (returnLines, returned, refunded) = Sum(connection, lake, FactTables.ReturnLines, "refund_amount");
        return new SalesTotals(saleLines, sold, gross, returnLines, returned, refunded);
    }

    private static (long Lines, long Units, decimal Amount) Sum(DuckDbConnection connection, string lake, string table, string amount)
    {
        if (!Directory.Exists(Path.Combine(lake, table)))
        {
            return (0, 0, 0m);
        }

        using var reader = connection.Query(
            $"SELECT count(*), coalesce(sum(quantity), 0)::BIGINT, coalesce(sum({amount}), 0)::DECIMAL(18,4) FROM read_parquet('{Path.Combine(lake, table)}/date=*/*.parquet')");
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetDecimal(2));
    }
}
