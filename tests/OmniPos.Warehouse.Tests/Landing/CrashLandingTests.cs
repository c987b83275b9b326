using System.Diagnostics;
using System.Globalization;
using OmniPos.Core.Devices;
using OmniPos.Core.Events;
using OmniPos.Core.Inventory;
using OmniPos.Core.Payments;
using OmniPos.Core.Returns;
using OmniPos.Core.Sales;
using OmniPos.Core.Storage;
using OmniPos.Warehouse.DuckDb;
using OmniPos.Warehouse.Lake;
using OmniPos.Warehouse.Tests.Support;
using static OmniPos.Warehouse.Tests.Support.TestChain;

namespace OmniPos.Warehouse.Tests.Landing;

/// <summary>
/// Issue #4: a landing process killed with SIGKILL at any step of a run (rows staged; files written under temporary names;
/// files renamed into place; manifest, facts, marts and watermark committed), then landed again, holds each event exactly
/// once: in the facts and marts of warehouse.duckdb and in the lake's Parquet files, with no file the manifest does not
/// list. Every operational store enrolls unchanged.
/// </summary>
public abstract class CrashLandingTests(Engine engine) : WarehouseTestBase(engine)
{
    private const int Days = 5;
    private const int SalesPerDevice = 16;
    private const int SigKillExit = 137; // 128 + SIGKILL: the lander died of its own kill, not of an exception or at its end

    // About 340 events, so seven runs of 50, each read in pages of 20. The landing after the kill cuts its runs elsewhere, so
    // a leftover of the killed run never has the name of a file landed again (which would make it fail instead of duplicate).
    private static readonly LandingOptions Options = new(EventsPerRun: 50, PageSize: 20);
    private static readonly LandingOptions RestartOptions = new(EventsPerRun: 80, PageSize: 30);
    private static readonly DateTime FirstDay = new(2026, 11, 16);
    private static readonly (string Sku, decimal Price, decimal Cost)[] Products = [(Mug, 10.00m, 4.00m), (Tee, 20.00m, 6.00m), (Cap, 12.00m, 3.00m)];
    private static readonly (string Register, string Cashier)[] Registers = [(NewYorkRegister, NewYorkCashier), (LosAngelesRegister, LosAngelesCashier)];
    private static readonly string[] SellingDevices = [NewYorkRegister, LosAngelesRegister, Web];

    /// <summary>Every step, in the first run (no watermark yet) and in a later one (after committed runs).</summary>
    public static TheoryData<LandingStep, int> KillPoints { get; } = new()
    {
        { LandingStep.Staged, 1 }, { LandingStep.Staged, 4 },
        { LandingStep.FilesWritten, 1 }, { LandingStep.FilesWritten, 4 },
        { LandingStep.FilesRenamed, 1 }, { LandingStep.FilesRenamed, 4 },
        { LandingStep.Committed, 1 }, { LandingStep.Committed, 4 },
    };

    [Theory]
    [MemberData(nameof(KillPoints))]
    public async Task A_landing_killed_at_any_step_of_a_run_lands_each_event_exactly_once_when_run_again(LandingStep step, int run)
    {
        var events = Chain();
        await AppendAsync([.. events]);
        var expected = await ExpectedAsync(events);

        // DuckDB lets one process at a time open warehouse.duckdb, and the lander is another (ReopenWarehouse's own Dispose is then a no-op).
        Warehouse.Dispose();
        var (firstSeq, lastSeq) = await LandUntilKilledAsync(step, run);
        ReopenWarehouse();
        AssertLeftAsTheStepSays(step, firstSeq, lastSeq);

        await Warehouse.LandAsync(Store, RestartOptions);

        AssertLandedExactlyOnce(expected);
    }

    /// <summary>
    /// Five business days of both stores and the web: each register signs in, receives every product and rings a no-sale;
    /// every device sells 16 baskets of one to four lines, half in cash and half by card; from the second day on, every
    /// fourth sale of the day before comes back, one unit of its first line.
    /// </summary>
    private static List<PosEvent> Chain()
    {
        var random = new Random(4);
        var events = new List<PosEvent>();
        var yesterday = new List<(string Device, SaleRecorded Sale)>();
        for (var d = 0; d < Days; d++)
        {
            var day = FirstDay.AddDays(d);
            foreach (var (register, cashier) in Registers)
            {
                events.Add(At(register, day.AddHours(8), new DeviceEventRecorded(DeviceEventKind.SignIn, cashier)));
                events.AddRange(Products.Select(p => At(register, day.AddHours(8.5), new InventoryMoved(MovementKind.Receipt, p.Sku, 40, UnitCost: p.Cost))));
                events.Add(At(register, day.AddHours(9), new DeviceEventRecorded(DeviceEventKind.NoSale, cashier)));
            }

            var today = new List<(string Device, SaleRecorded Sale)>();
            foreach (var device in SellingDevices)
            {
                for (var i = 0; i < SalesPerDevice; i++)
                {
                    var lines = Enumerable.Range(0, random.Next(1, 5)).Select(_ => Products[random.Next(Products.Length)]).Select(p => (p.Sku, random.Next(1, 4), p.Price)).ToArray();
                    var tender = i % 2 == 0 ? TenderKind.Cash : device == Web ? TenderKind.CardNotPresent : TenderKind.CardPresent;
                    var sale = Sale($"S-{d}-{device}-{i}", tender, lines);
                    events.Add(At(device, day.AddHours(10).AddMinutes(20 * i), sale));
                    today.Add((device, sale));
                }
            }

            foreach (var (device, sale) in yesterday.Where((_, i) => i % 4 == 0))
            {
                var line = sale.Lines[0];
                events.Add(At(device, day.AddHours(19), Return($"R-{sale.TransactionId}", sale.TransactionId, sale.Tenders[0].Kind, "changed mind", (line.Sku, 1, line.UnitPrice))));
            }

            yesterday = today;
        }

        return events;
    }

    /// <summary>What the warehouse must hold, from the events as appended and the seqs the store gave them.</summary>
    private async Task<Expected> ExpectedAsync(List<PosEvent> events)
    {
        var seqs = new Dictionary<string, long>(StringComparer.Ordinal);
        var after = 0L;
        for (IReadOnlyList<StoredEvent> page; (page = await Store.ReadEventsAsync(after, 100, CancellationToken.None)).Count > 0; after = page[^1].Seq)
        {
            foreach (var stored in page)
            {
                seqs.Add(stored.EventId, stored.Seq);
            }
        }

        var landed = events.Select(e => (Seq: seqs[e.EventId], e.Body)).OrderBy(e => e.Seq).ToList();
        return new Expected(
            [.. landed.Where(e => e.Body is SaleRecorded or ReturnRecorded).Select(e => e.Seq)],
            [.. landed.Where(e => e.Body is DeviceEventRecorded).Select(e => e.Seq)],
            [.. landed.Where(e => e.Body is InventoryMoved).Select(e => e.Seq)],
            [.. landed.SelectMany(e => e.Body is SaleRecorded sale ? sale.Lines.Select(l => (e.Seq, l.LineNo, l.Quantity, l.ExtendedPrice)) : []).Order()],
            [.. landed.SelectMany(e => e.Body is ReturnRecorded ret ? ret.Lines.Select(l => (e.Seq, l.LineNo, l.Quantity, l.RefundAmount)) : []).Order()],
            landed[^1].Seq);
    }

    /// <summary>Runs the lander until it kills itself at the step of the run; returns the seq range of the run it killed.</summary>
    private async Task<(long FirstSeq, long LastSeq)> LandUntilKilledAsync(LandingStep step, int run)
    {
        var lander = Path.Combine(AppContext.BaseDirectory, "OmniPos.Warehouse.CrashLander.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", lander, StoreOptions.Provider, StoreOptions.ConnectionString!, DataDirectory, step.ToString(),
            run.ToString(CultureInfo.InvariantCulture), Options.EventsPerRun.ToString(CultureInfo.InvariantCulture), Options.PageSize.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the crash lander");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
            var errors = process.StandardError.ReadToEndAsync(deadline.Token);
            await process.WaitForExitAsync(deadline.Token);
            var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var report = $"exit {process.ExitCode}; output:\n{await output}\nerrors:\n{await errors}";
            Assert.True(process.ExitCode == SigKillExit && lines is [.., _, "kill"], report);
            var killed = lines[^2].Split(' ');
            Assert.True(killed is ["run", _, _, _] && killed[1] == run.ToString(CultureInfo.InvariantCulture) && killed[2] == step.ToString(), report);
            var range = killed[3].Split('-');
            return (long.Parse(range[0], CultureInfo.InvariantCulture), long.Parse(range[1], CultureInfo.InvariantCulture));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>What the killed run left, as each step promises (LandingStep): proof the kill came where it was meant to.</summary>
    private void AssertLeftAsTheStepSays(LandingStep step, long firstSeq, long lastSeq)
    {
        var part = $"part-{firstSeq}-{lastSeq}.parquet";
        var staged = FilesUnderLake().Any(f => f.StartsWith(LakeFiles.StagingFolder + "/", StringComparison.Ordinal) && f.EndsWith(".parquet", StringComparison.Ordinal));
        var placed = FilesUnderLake().Where(f => !f.StartsWith(LakeFiles.StagingFolder + "/", StringComparison.Ordinal) && f.EndsWith("/" + part, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var recorded = Sql($"SELECT path FROM lake_manifest WHERE first_seq = {firstSeq} AND last_seq = {lastSeq}", r => r.GetString(0)).Order(StringComparer.Ordinal).ToList();
        var watermark = Sql("SELECT last_seq FROM landing_watermarks WHERE feed = 'events'", r => r.GetInt64(0)).SingleOrDefault();
        var left = (Staged: staged, Placed: placed.Count > 0, Recorded: recorded.Count > 0, Landed: watermark >= lastSeq);
        var promised = step switch
        {
            LandingStep.Staged => (false, false, false, false),
            LandingStep.FilesWritten => (true, false, false, false),
            LandingStep.FilesRenamed => (false, true, false, false),
            _ => (false, true, true, true),
        };
        Assert.Equal(promised, left);
        Assert.True(watermark < firstSeq || step == LandingStep.Committed, $"the watermark is at {watermark}, inside the killed run {firstSeq}-{lastSeq}");
        if (step == LandingStep.Committed)
        {
            Assert.Equal(placed, recorded);
        }
    }

    private void AssertLandedExactlyOnce(Expected expected)
    {
        AssertInTableAndFiles("fact_transactions", "seq", "", expected.Transactions, r => r.GetInt64(0));
        AssertInTableAndFiles("fact_device_events", "seq", "", expected.DeviceEvents, r => r.GetInt64(0));
        AssertInTableAndFiles("fact_inventory_movements", "seq", "WHERE kind = 'receipt'", expected.Receipts, r => r.GetInt64(0));
        AssertInTableAndFiles("fact_sale_lines", "seq, line_no, quantity, gross", "", expected.SaleLines,
            r => (r.GetInt64(0), r.GetInt32(1), r.GetInt32(2), r.GetDecimal(3)));
        AssertInTableAndFiles("fact_sale_lines", "count(*), sum(quantity)::BIGINT, sum(gross)::DECIMAL(18,4)", "",
            [(expected.SaleLines.Count, expected.SaleLines.Sum(l => (long)l.Quantity), expected.SaleLines.Sum(l => l.Gross))],
            r => (r.GetInt32(0), r.GetInt64(1), r.GetDecimal(2)));
        AssertInTableAndFiles("fact_return_lines", "seq, line_no, quantity, refund_amount", "", expected.ReturnLines,
            r => (r.GetInt64(0), r.GetInt32(1), r.GetInt32(2), r.GetDecimal(3)));

        var marts = Sql("SELECT sum(sale_lines)::BIGINT, sum(units_sold)::BIGINT, sum(gross)::DECIMAL(18,4), sum(units_returned)::BIGINT FROM mart_daily_sales",
            r => (r.GetInt64(0), r.GetInt64(1), r.GetDecimal(2), r.GetInt64(3)));
        Assert.Equal((expected.SaleLines.Count, expected.SaleLines.Sum(l => (long)l.Quantity), expected.SaleLines.Sum(l => l.Gross), expected.ReturnLines.Sum(l => (long)l.Quantity)),
            Assert.Single(marts));
        Assert.Equal([expected.LastSeq], Sql("SELECT last_seq FROM landing_watermarks WHERE feed = 'events'", r => r.GetInt64(0)));

        // The lake is what the manifest lists, nothing more (no leftover of the killed run, staged or renamed) and nothing less.
        Assert.Equal(Sql("SELECT path FROM lake_manifest", r => r.GetString(0)).Order(StringComparer.Ordinal), FilesUnderLake().Order(StringComparer.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(Warehouse.LakePath, LakeFiles.StagingFolder)), "the staging folder is left behind");
        var ranges = Sql("SELECT DISTINCT first_seq, last_seq FROM lake_manifest WHERE feed = 'events' ORDER BY ALL", r => (First: r.GetInt64(0), Last: r.GetInt64(1)));
        Assert.All(ranges.Zip(ranges.Skip(1)), pair => Assert.True(pair.First.Last < pair.Second.First, $"runs {pair.First} and {pair.Second} overlap"));
    }

    /// <summary>The same query over the warehouse's table and over the table's Parquet files in the lake.</summary>
    private void AssertInTableAndFiles<T>(string table, string columns, string where, IReadOnlyList<T> expected, Func<DuckDbReader, T> map)
    {
        var files = $"read_parquet({LandingRun.Quote(Path.Combine(Warehouse.LakePath, table, "**", "*.parquet"))})";
        foreach (var source in new[] { table, files })
        {
            Assert.Equal(expected, Sql($"SELECT {columns} FROM {source} {where} ORDER BY ALL", map));
        }
    }

    /// <summary>Every file under lake/, relative to it, staging included.</summary>
    private IEnumerable<string> FilesUnderLake() => Directory.Exists(Warehouse.LakePath)
        ? Directory.EnumerateFiles(Warehouse.LakePath, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Warehouse.LakePath, f).Replace('\\', '/'))
        : [];

    private sealed record Expected(
        IReadOnlyList<long> Transactions,
        IReadOnlyList<long> DeviceEvents,
        IReadOnlyList<long> Receipts,
        IReadOnlyList<(long Seq, int LineNo, int Quantity, decimal Gross)> SaleLines,
        IReadOnlyList<(long Seq, int LineNo, int Quantity, decimal Refund)> ReturnLines,
        long LastSeq);
}
