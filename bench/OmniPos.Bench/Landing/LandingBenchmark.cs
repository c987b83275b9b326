using OmniPos.Bench.Chain;
using OmniPos.Bench.Dashboards;
using OmniPos.Bench.Sales;
using OmniPos.Bench.Stores;
using OmniPos.Warehouse;
using OmniPos.Warehouse.Lake;

namespace OmniPos.Bench.Landing;

/// <summary>
/// Issue #4's landing goal: sale lines a second that <see cref="AnalyticsWarehouse.LandAsync"/> lands from a store into
/// a new lake and warehouse (in a temporary folder, deleted afterwards), with the landing's own options. The store is
/// first filled with a simulated year of a 50-store chain (<see cref="ChainSimulation"/>, <c>--lines</c> sale lines,
/// 10 million by default) as fast as it takes events (<see cref="ChainSeeder"/>); only the landing is timed, and it
/// must land every sale line exactly once. Over the warehouse landed from the first engine of the run, the dashboard
/// queries are timed beside PostgreSQL (<see cref="DashboardLatency"/>).
/// </summary>
internal sealed class LandingBenchmark : IBenchmark
{
    private static readonly Goal LandingGoal = new(500_000);

    public string Name => "land sales";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(StoreTarget target, BenchSettings settings, Action<string> status, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("omnipos-bench-warehouse-");
        try
        {
            await using var store = await target.OpenStoreAsync(cancellationToken);
            var catalog = ChainCatalog.Create(BenchCatalog.RunTag());
            var simulation = new ChainSimulation(catalog, settings.SaleLines);
            var (events, seeding) = await ChainSeeder.SeedAsync(store, catalog, simulation, text => status($"{target.Name}: {text}"), cancellationToken);

            using var warehouse = AnalyticsWarehouse.Open(folder.FullName);
            var clock = new LandingClock();
            var report = await warehouse.LandAsync(store, new LandingOptions(), progress =>
            {
                clock.Record(progress);
                status($"{target.Name}: landing: {progress.Feed} {progress.FirstSeq:N0}..{progress.LastSeq:N0} {progress.Step}");
            }, cancellationToken);

            var lines = SaleLinesIn(warehouse);
            if (lines != simulation.SaleLines)
            {
                throw new InvalidOperationException($"the store was given {simulation.SaleLines:N0} sale lines, but the warehouse holds {lines:N0}");
            }

            var landing = Measurement.Of(1, report.Elapsed, lines, clock.Runs);
            var notes = $"{target.Setup}; Events = sale lines ({simulation.Sales:N0} sales, {simulation.Returns:N0} returns, {events:N0} events in all, "
                + $"seeded in {seeding.TotalMinutes:N1} min), p50/p99 per run ({clock.EventRuns} runs of up to {new LandingOptions().EventsPerRun:N0} events); "
                + $"{clock.Shares(report.Elapsed)}; {LandingGoal.Verdict(landing)}";
            List<ResultRow> rows = [new ResultRow(Name, target.Name, landing, notes)];
            if (target.Engine == (settings.Only ?? StoreEngine.Sqlite))
            {
                rows.AddRange(await DashboardsAsync(warehouse, target, status, cancellationToken));
            }

            return rows;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>On a PostgreSQL target, its server holds the copy; otherwise a PostgreSQL target of its own, stopped afterwards.</summary>
    private static async Task<IReadOnlyList<ResultRow>> DashboardsAsync(AnalyticsWarehouse warehouse, StoreTarget target, Action<string> status,
        CancellationToken cancellationToken)
    {
        if (target.Engine == StoreEngine.Postgres)
        {
            return await DashboardLatency.MeasureAsync(warehouse, target, target.Name, status, cancellationToken);
        }

        status("dashboards: starting PostgreSQL for the comparison");
        await using var postgres = await StoreTarget.StartAsync(StoreEngine.Postgres, cancellationToken);
        return await DashboardLatency.MeasureAsync(warehouse, postgres, target.Name, status, cancellationToken);
    }

    private static long SaleLinesIn(AnalyticsWarehouse warehouse)
    {
        using var connection = warehouse.Connect();
        using var reader = connection.Query("SELECT count(*) FROM fact_sale_lines");
        return reader.Read() ? reader.GetInt64(0) : 0;
    }
}
