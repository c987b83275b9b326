using System.Text;
using OmniPos.Core.Events;
using OmniPos.Core.Returns;
using OmniPos.Core.Sales;
using OmniPos.Core.Storage;
using OmniPos.Warehouse;
using OmniPos.Warehouse.DuckDb;

namespace OmniPos.Jobs.Tests.Support;

/// <summary>Sale and return lines counted and summed: from the store's event log by a plain pass, or from the lake's Parquet files.</summary>
internal sealed record SalesTotals(long SaleLines, long UnitsSold, decimal Gross, long ReturnLines, long UnitsReturned, decimal Refunded)
{
    public static async Task<SalesTotals> OfStoreAsync(IOperationalStore store)
    {
        var totals = new SalesTotals(0, 0, 0m, 0, 0, 0m);
        var after = 0L;
        for (IReadOnlyList<StoredEvent> page; (page = await store.ReadEventsAsync(after, 5_000, CancellationToken.None)).Count > 0; after = page[^1].Seq)
        {
            foreach (var stored in page)
            {
                totals = EventJson.Parse(Encoding.UTF8.GetBytes(stored.Payload)).Event!.Body switch
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

    /// <summary>Read with a DuckDB of its own (in memory), so the warehouse file may be held by a scheduler meanwhile.</summary>
    public static SalesTotals OfLake(string dataDirectory)
    {
        var lake = Path.Combine(dataDirectory, AnalyticsWarehouse.LakeFolder);
        using var database = DuckDbDatabase.Open(null);
        using var connection = database.Connect();
        using var sold = connection.Query($"SELECT count(*), sum(quantity)::BIGINT, sum(gross)::DECIMAL(18,4) FROM read_parquet('{lake}/fact_sale_lines/**/*.parquet')");
        using var returned = connection.Query($"SELECT count(*), sum(quantity)::BIGINT, sum(refund_amount)::DECIMAL(18,4) FROM read_parquet('{lake}/fact_return_lines/**/*.parquet')");
        sold.Read();
        returned.Read();
        return new SalesTotals(sold.GetInt64(0), sold.GetInt64(1), sold.GetDecimal(2), returned.GetInt64(0), returned.GetInt64(1), returned.GetDecimal(2));
    }
}
