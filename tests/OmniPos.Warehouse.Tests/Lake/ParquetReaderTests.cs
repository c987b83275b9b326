using System.Globalization;
using System.Text.Json;
using OmniPos.Core.Devices;
using OmniPos.Core.Importing;
using OmniPos.Core.Inventory;
using OmniPos.Core.Payments;
using OmniPos.Core.Pricing;
using OmniPos.Core.Returns;
using OmniPos.Core.Sales;
using OmniPos.Warehouse.DuckDb;
using OmniPos.Warehouse.Lake;
using OmniPos.Warehouse.Tests.Support;
using static OmniPos.Warehouse.Tests.Support.TestChain;

namespace OmniPos.Warehouse.Tests.Lake;

/// <summary>
/// Issue #4: the lake's Parquet files open in a second, independent reader (hyparquet, through scripts/read-parquet.mjs)
/// with the row counts the manifest records and the values DuckDB reads from the same file and the fact tables hold.
/// Values are compared as text: decimals with their scale's digits, dates as YYYY-MM-DD, instants in UTC to the
/// microsecond, lists in brackets, the way the script prints them.
/// </summary>
public sealed class ParquetReaderTests() : WarehouseTestBase(new SqliteEngine())
{
    private static readonly DateTime Day1 = new(2026, 11, 20);

    [Fact]
    public async Task Every_file_of_the_manifest_reads_the_same_in_hyparquet_in_DuckDB_and_in_the_fact_tables()
    {
        Assert.True(HyparquetReader.Missing is null, HyparquetReader.Missing);
        await AppendAsync(FirstDay());
        await AddProcessorRecordsAsync(new DateOnly(2026, 11, 21), "S2", 40.00m, "W1", 60.00m);
        await Warehouse.LandAsync(Store);
        await AppendAsync(LateAndNextDays());
        await AddProcessorRecordsAsync(new DateOnly(2026, 11, 23), "S4", 21.65m, "W1", 60.00m);
        await Warehouse.LandAsync(Store);

        var files = await AssertEveryFileReadsAlikeAsync(_ => true);

        Assert.Equal(AllFactTables.Order(), files.Select(f => f.Table).Distinct().Order());
        Assert.Contains(files, f => f.Table == FactTables.SaleLines && files.Count(g => g.Table == f.Table && g.Date == f.Date) > 1);
    }

    /// <summary>
    /// DuckDB's partitioned COPY flushes its buffers past partitioned_write_flush_threshold rows (524,288) and then keeps
    /// at most partitioned_write_max_open_files (100) files open, starting a new file for a partition it had closed: a run
    /// with more rows and business days than that (the UCI data set's year: 530,000 sale lines over 305 days) must still
    /// give one file per table and day, each read alike. The two limits are lowered here so a few thousand rows over 20
    /// days stand for that year; hyparquet reads each day's sale lines.
    /// </summary>
    [Fact]
    public async Task A_run_past_DuckDBs_partitioned_write_limits_gives_one_file_per_table_and_day()
    {
        Assert.True(HyparquetReader.Missing is null, HyparquetReader.Missing);
        using (var settings = Warehouse.Connect())
        {
            settings.Execute("SET GLOBAL partitioned_write_flush_threshold = 2048");
            settings.Execute("SET GLOBAL partitioned_write_max_open_files = 8");
        }

        // Days interleaved in seq order, as offline batches and late returns leave them.
        const int Days = 20, Sales = 1_000, LinesPerSale = 5;
        await AppendAsync([.. Enumerable.Range(0, Sales).Select(i => At(NewYorkRegister, Day1.AddDays(i % Days).AddHours(9).AddSeconds(i),
            Paid($"B{i}", [.. Enumerable.Range(1, LinesPerSale).Select(n => new SaleLine(n, n % 2 == 0 ? Mug : Cap, 1 + (i + n) % 3, n % 2 == 0 ? 10.00m : 12.00m))],
                i % 2 == 0 ? TenderKind.Cash : TenderKind.CardPresent)))]);

        var report = await Warehouse.LandAsync(Store);

        var files = await AssertEveryFileReadsAlikeAsync(f => f.Table == FactTables.SaleLines);
        Assert.Equal(Days, files.Count(f => f.Table == FactTables.SaleLines));
        Assert.Equal(report.Files, files.Count);
    }

    /// <summary>
    /// Every file the manifest lists, read by DuckDB's read_parquet, as the fact rows of its table, date and seq range, and
    /// (those <paramref name="inHyparquet"/> picks) by hyparquet: the same columns, the manifest's row count, the same
    /// values (in file order between the two readers). Each fact row is in exactly one file.
    /// </summary>
    private async Task<List<LakeFile>> AssertEveryFileReadsAlikeAsync(Func<LakeFile, bool> inHyparquet)
    {
        using var connection = Warehouse.Connect();
        var files = Files(connection);
        foreach (var file in files)
        {
            var path = Warehouse.Lake.FullPath(file.Path);
            var (duckColumns, duckdb) = Rows(connection, $"SELECT * FROM read_parquet({LandingRun.Quote(path)}, hive_partitioning = false)");
            var (factColumns, facts) = Rows(connection, $"SELECT * FROM {file.Table} WHERE business_date = $1 AND seq BETWEEN $2 AND $3",
                file.Date, file.FirstSeq, file.LastSeq);
            Assert.Equal(factColumns, duckColumns);
            Assert.Equal(file.RowCount, duckdb.Count);
            Assert.Equal(Sorted(facts).Select(Show), Sorted(duckdb).Select(Show));
            if (!inHyparquet(file))
            {
                continue;
            }

            var (rows, columns, data) = await HyparquetReader.ReadAsync(path);
            var hyparquet = data.Select(row => row.Select(Text).ToList()).ToList();
            Assert.Equal(file.RowCount, rows);
            Assert.Equal(file.RowCount, hyparquet.Count);
            Assert.Equal(factColumns, columns);
            for (var i = 0; i < hyparquet.Count; i++)
            {
                Assert.True(duckdb[i].SequenceEqual(hyparquet[i]), $"{file.Path} row {i}: hyparquet {Show(hyparquet[i])}, DuckDB {Show(duckdb[i])}");
            }
        }

        foreach (var table in AllFactTables)
        {
            var (_, all) = Rows(connection, $"SELECT count(*) FROM {table}");
            Assert.Equal(files.Where(f => f.Table == table).Sum(f => f.RowCount).ToString(CultureInfo.InvariantCulture), all[0][0]);
        }

        return files;
    }

    private static IReadOnlyList<string> AllFactTables { get; } = [.. FactTables.FromEvents, FactTables.Settlements, FactTables.Chargebacks];

    /// <summary>
    /// The first landing: a till opened and a shift signed in, stock received, a cash sale with tax and change, a sale with
    /// a promotion's and a manual discount paid by card and cash with change, a web order with a gift card captured later,
    /// a Los Angeles sale late at night (the next day in UTC), voids and overrides, a price change, a receipted return, a
    /// transfer and a count, a goodwill refund.
    /// </summary>
    private static Core.Events.PosEvent[] FirstDay() =>
    [
        At(NewYorkRegister, Day1.AddHours(7), new InventoryMoved(MovementKind.Receipt, Mug, 48, UnitCost: 4.10m, Reference: "PO-1001")),
        At(NewYorkRegister, Day1.AddHours(7.5), new InventoryMoved(MovementKind.Receipt, Tee, 30, UnitCost: 6.25m, Reference: "PO-1002")),
        At(NewYorkRegister, Day1.AddHours(8.9), new DeviceEventRecorded(DeviceEventKind.SignIn, NewYorkCashier)),
        At(NewYorkRegister, Day1.AddHours(8.95), new DeviceEventRecorded(DeviceEventKind.TillOpen, NewYorkCashier, Amount: 150.00m)),
        At(NewYorkRegister, Day1.AddHours(10).AddTicks(1_234_560), new SaleRecorded("S1", "USD",
            [new SaleLine(1, Mug, 2, 10.00m, Taxes: [new LineTax("US-NY", 1.78m)])],
            [new Tender(1, TenderKind.Cash, 40.00m)], ChangeGiven: 18.22m, CustomerId: Customer, EmployeeId: NewYorkCashier)),
        At(NewYorkRegister, Day1.AddHours(11.25), new SaleRecorded("S2", "USD",
            [
                new SaleLine(1, Tee, 1, 20.00m, [new Discount(2.00m, Promotion)], [new LineTax("US-NY", 1.60m)]),
                new SaleLine(2, Cap, 3, 12.00m, [new Discount(1.50m, Reason: "boîte abîmée — 5 %")], [new LineTax("US-NY", 3.07m)]),
            ],
            [TenderOf(TenderKind.CardPresent, 1, 40.00m, "S2"), new Tender(2, TenderKind.Cash, 20.00m)], ChangeGiven: 2.83m, EmployeeId: NewYorkCashier)),
        At(NewYorkRegister, Day1.AddHours(11.5), new DeviceEventRecorded(DeviceEventKind.LineVoid, NewYorkCashier, "S2", 2, Reason: "scanned twice")),
        At(NewYorkRegister, Day1.AddHours(11.6), new DeviceEventRecorded(DeviceEventKind.PriceOverride, NewYorkCashier, "S1", 1, 9.50m, "price match")),
        At(NewYorkRegister, Day1.AddHours(12), new DeviceEventRecorded(DeviceEventKind.NoSale, NewYorkCashier, Reason: "change for float")),
        At(Web, Day1.AddHours(21.5), new SaleRecorded("W1", "USD",
            [new SaleLine(1, Mug, 1, 10.00m, Fulfilment: Fulfilment.Delivery), new SaleLine(2, GiftCard, 1, 50.00m, Fulfilment: Fulfilment.Delivery)],
            [TenderOf(TenderKind.CardNotPresent, 1, 60.00m, "W1")], CustomerCountry: "GB")),
        At(Web, Day1.AddHours(22), new PaymentCaptured("W1", 1, 60.00m)),
        At(LosAngelesRegister, Day1.AddHours(23.5), new SaleRecorded("L1", "USD",
            [new SaleLine(1, Cap, 1, 12.00m, Taxes: [new LineTax("US-CA", 1.09m)])],
            [TenderOf(TenderKind.GiftCard, 1, 13.09m, "L1")], EmployeeId: LosAngelesCashier)),
        At(NewYorkRegister, Day1.AddDays(1).AddHours(7), new PriceChanged(Tee, 18.00m, Promotion, "markdown")),
        At(NewYorkRegister, Day1.AddDays(1).AddHours(10), new ReturnRecorded("R1", "USD",
            [new ReturnLine(1, Mug, 1, 10.89m, "chipped", Restock: false)], [new Refund(1, TenderKind.Cash, 10.89m, OriginalTenderNo: 1)], "S1",
            EmployeeId: NewYorkCashier)),
        At(NewYorkRegister, Day1.AddDays(1).AddHours(11), new InventoryMoved(MovementKind.TransferOut, Cap, 2, Reason: "to LA", Reference: "TR-7")),
        At(NewYorkRegister, Day1.AddDays(1).AddHours(12), new InventoryMoved(MovementKind.CountAdjustment, Mug, -1, Reason: "breakage")),
        At(NewYorkRegister, Day1.AddDays(1).AddHours(13), new PaymentRefunded("S2", 1, 5.00m, "goodwill")),
    ];

    /// <summary>
    /// The second landing: an offline sale of the first day that arrives late (a second file for that day), a return
    /// without receipt to store credit and restocked, a sale by card on the third day, a till count and a sign-out.
    /// </summary>
    private static Core.Events.PosEvent[] LateAndNextDays() =>
    [
        At(NewYorkRegister, Day1.AddHours(16.75), new SaleRecorded("S3", "USD",
            [new SaleLine(1, Mug, 3, 10.00m, Taxes: [new LineTax("US-NY", 2.67m)])], [new Tender(1, TenderKind.Cash, 32.67m)])),
        At(NewYorkRegister, Day1.AddDays(2).AddHours(9.5), new ReturnRecorded("R2", "USD",
            [new ReturnLine(1, Tee, 1, 21.60m, "wrong size", Restock: true)], [new Refund(1, TenderKind.StoreCredit, 21.60m, Reference: "SC-1")])),
        At(NewYorkRegister, Day1.AddDays(2).AddHours(10), new SaleRecorded("S4", "USD",
            [new SaleLine(1, Tee, 1, 18.00m, [new Discount(1.80m, Promotion)], [new LineTax("US-NY", 1.44m)]), new SaleLine(2, Mug, 1, 4.01m)],
            [TenderOf(TenderKind.CardPresent, 1, 21.65m, "S4")], EmployeeId: NewYorkCashier)),
        At(NewYorkRegister, Day1.AddDays(2).AddHours(17.9), new DeviceEventRecorded(DeviceEventKind.TillCount, NewYorkCashier, Amount: 169.05m)),
        At(NewYorkRegister, Day1.AddDays(2).AddHours(18), new DeviceEventRecorded(DeviceEventKind.SignOut, NewYorkCashier)),
    ];

    /// <summary>A settlement of each card sale (on <paramref name="date"/>, less a fee) and a chargeback of the second one.</summary>
    private async Task AddProcessorRecordsAsync(DateOnly date, string saleId, decimal amount, string disputedId, decimal disputed)
    {
        var settled = await Store.Importing.AddSettlementsAsync(
            [new Settlement(NewYork, date, Card(saleId).Token, Card(saleId).AuthCode!, amount, Math.Round(amount * 0.029m + 0.30m, 2), "USD")],
            CancellationToken.None);
        var charged = await Store.Importing.AddChargebacksAsync(
            [new Chargeback(NewYork, date.AddDays(1), Card(disputedId).Token, Card(disputedId).AuthCode!, disputed, "USD", $"10.4-{date:MMdd}")],
            CancellationToken.None);
        Assert.All(settled.Concat(charged), s => Assert.Equal(RecordStatus.Added, s));
    }

    private static List<LakeFile> Files(DuckDbConnection connection)
    {
        using var reader = connection.Query("SELECT path, lake_table, business_date, first_seq, last_seq, row_count FROM lake_manifest ORDER BY path");
        return reader.ReadAll(r => new LakeFile(r.GetString(0), r.GetString(1), r.GetDate(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5)));
    }

    private static (IReadOnlyList<string> Columns, List<List<string?>> Rows) Rows(DuckDbConnection connection, string sql, params object?[] parameters)
    {
        using var statement = connection.Prepare(sql);
        using var reader = statement.BindAll(parameters).Query();
        var rows = new List<List<string?>>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.ColumnNames.Count).Select(i => Text(reader.GetValue(i)))]);
        }

        return (reader.ColumnNames, rows);
    }

    /// <summary>A value DuckDB read, as read-parquet.mjs prints a value of its type.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        long n => n.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        IEnumerable<object?> list => "[" + string.Join(",", list.Select(v => Text(v) ?? "null")) + "]",
        _ => throw new InvalidOperationException($"no text form for a {value.GetType()}"),
    };

    /// <summary>A value as the script printed it: JSON strings as they are, numbers and booleans as written, lists in brackets.</summary>
    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => "[" + string.Join(",", value.EnumerateArray().Select(v => Text(v) ?? "null")) + "]",
        _ => throw new InvalidOperationException($"read-parquet.mjs printed a {value.ValueKind}"),
    };

    private static string Show(IEnumerable<string?> row) => string.Join(" | ", row.Select(v => v ?? "NULL"));

    private sealed record LakeFile(string Path, string Table, DateOnly Date, long FirstSeq, long LastSeq, long RowCount);

    private static IEnumerable<List<string?>> Sorted(IEnumerable<List<string?>> rows) => rows.OrderBy(Show, StringComparer.Ordinal);
}
