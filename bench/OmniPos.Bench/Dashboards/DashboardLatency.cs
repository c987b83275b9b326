using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using OmniPos.Bench.Chain;
using OmniPos.Bench.Sales;
using OmniPos.Bench.Stores;
using OmniPos.Warehouse;
using OmniPos.Warehouse.Queries;
using Spectre.Console;

namespace OmniPos.Bench.Dashboards;

/// <summary>
/// Issue #4's dashboard goal: each query of <see cref="AnalyticQueries.All"/>, run as the dashboards run it
/// (<see cref="AnalyticsWarehouse.Query(AnalyticQuery, QueryFilter, CancellationToken)"/>) over the landed chain for the
/// last 28 days of the year, all stores, channels and categories, stock as of the last day; beside the same SQL
/// (<see cref="PostgresQueryText"/>) on a PostgreSQL copy of the same tables (<see cref="PostgresCopy"/>). Each side runs
/// once to warm up (caches, plans), then again until it has run enough times and long enough; the row shows DuckDB's
/// median and p99, and the notes PostgreSQL's median and how many times faster DuckDB was.
/// </summary>
internal static class DashboardLatency
{
    private const double TimesFaster = 20;
    private static readonly Goal MedianGoal = new(null, P50: TimeSpan.FromMilliseconds(150));

    /// <summary>How long either engine may take over one run of a query: time enough to say it misses its goal by far.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private static readonly Runs DuckDbRuns = new(Most: 21, Budget: TimeSpan.FromSeconds(10));
    private static readonly Runs PostgresRuns = new(Most: 5, Budget: TimeSpan.FromSeconds(20));

    /// <summary>The days every dashboard shows: the last 28 of the simulated year, both ends included.</summary>
    public static QueryFilter Filter { get; } = new(ChainSimulation.LastDay.AddDays(-27), ChainSimulation.LastDay, AsOf: ChainSimulation.LastDay);

    /// <param name="postgres">Where the PostgreSQL copy goes: a fresh database of this target, dropped with it.</param>
    /// <param name="landedFrom">The engine the warehouse was landed from, for the Store column.</param>
    public static async Task<IReadOnlyList<ResultRow>> MeasureAsync(AnalyticsWarehouse warehouse, StoreTarget postgres, string landedFrom,
        Action<string> status, CancellationToken cancellationToken)
    {
        var database = (await postgres.NewStoreAsync(cancellationToken)).ConnectionString
            ?? throw new InvalidOperationException($"{postgres.Name} gave no connection string");
        var loading = Stopwatch.StartNew();
        await using var copy = await PostgresCopy.LoadAsync(warehouse, database, $"warehouse_{BenchCatalog.RunTag()}",
            text => status($"dashboards: {text}"), cancellationToken);
        // Printed, not a status: what the comparison cost belongs beside the table, and a status is soon overwritten.
        AnsiConsole.MarkupLine(Markup.Escape($"PostgreSQL copy of the warehouse ({postgres.Setup}): {copy.Rows:N0} rows loaded, indexed and analyzed in {loading.Elapsed.TotalSeconds:N0} s"));
        await using var connection = new NpgsqlConnection(copy.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // Room for the queries' hash tables and sorts: with the default 4 MB PostgreSQL would spill them to disk.
        await using (var settings = new NpgsqlCommand("SET work_mem = '256MB'", connection))
        {
            await settings.ExecuteNonQueryAsync(cancellationToken);
        }

        var rows = new List<ResultRow>();
        var store = $"DuckDB (landed from {landedFrom})";
        foreach (var (name, query, filter) in Cases())
        {
            try
            {
                status($"dashboards: {name} on DuckDB");
                if (await DuckDbRuns.TimeAsync(ct => Task.FromResult(warehouse.Query(query, filter, ct).Count), cancellationToken) is not { } duckDb)
                {
                    rows.Add(new ResultRow(name, store, null, $"did not finish in {Timeout.TotalSeconds:0} s"));
                    continue;
                }

                status($"dashboards: {name} on PostgreSQL");
                var sql = PostgresQueryText.Translate(query.Sql);
                var postgresResult = await PostgresRuns.TimeAsync(ct => RunAsync(connection, sql, filter, ct), cancellationToken);
                rows.Add(new ResultRow(name, store, duckDb.Measured, Notes(duckDb.Measured, duckDb.Rows, postgresResult)));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                BenchRunner.Report($"{name} on {store}", e);
                rows.Add(ResultRow.Failed(name, store, e));
            }
        }

        return rows;
    }

    /// <summary>
    /// What the dashboards run: every query over <see cref="Filter"/>, its sell-through per SKU; and sell-through per
    /// category, the level the merchandising page opens with.
    /// </summary>
    private static IEnumerable<(string Name, AnalyticQuery Query, QueryFilter Filter)> Cases() =>
    [
        .. AnalyticQueries.All.Select(q => ($"query {q.Name}", q, Filter)),
        ("query sell_through --level category", AnalyticQueries.SellThrough, Filter with { Level = SellThroughLevel.Category }),
    ];

    private static string Notes(Measurement duckDb, int duckDbRows, (Measurement Measured, int Rows)? postgres)
    {
        var notes = $"{duckDbRows:N0} rows; {MedianGoal.Verdict(duckDb)}; PostgreSQL ";
        if (postgres is not { } pg)
        {
            var atLeast = Timeout / duckDb.P50;
            return notes + $"did not finish in {Timeout.TotalSeconds:0} s: DuckDB over {atLeast:N0}× as fast, goal ≥ {TimesFaster:0}× {Goal.Met(atLeast >= TimesFaster)}";
        }

        var faster = pg.Measured.P50 / duckDb.P50;
        var mismatch = pg.Rows != duckDbRows ? $", ROW COUNTS DIFFER ({pg.Rows:N0})" : "";
        return notes + $"median {pg.Measured.P50.TotalMilliseconds:N0} ms ({pg.Measured.Events} runs{mismatch}): DuckDB {faster:N1}× as fast, "
            + $"goal ≥ {TimesFaster:0}× {Goal.Met(faster >= TimesFaster)}";
    }

    /// <summary>Runs the query and reads every value of every row, as the warehouse's typed rows do.</summary>
    private static async Task<int> RunAsync(NpgsqlConnection connection, string sql, QueryFilter filter, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var name in PostgresQueryText.ParameterNames(sql))
        {
            command.Parameters.Add(Parameter(name, filter.Parameter(name)));
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new object[reader.FieldCount];
        var rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            reader.GetValues(values);
            rows++;
        }

        return rows;
    }

    /// <summary>The filter's values as the queries' parameters: days are dates; words text; lists (null for all) text arrays.</summary>
    private static NpgsqlParameter Parameter(string name, object? value) => value switch
    {
        DateOnly day => new NpgsqlParameter(name, NpgsqlDbType.Date) { Value = day },
        string text => new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = text },
        IReadOnlyList<string> list => new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = list.ToArray() },
        null => new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = DBNull.Value },
        _ => throw new NotSupportedException($"no PostgreSQL parameter for ${name} of type {value.GetType().Name}"),
    };

    /// <summary>
    /// How often a side runs a query: once to warm up, then again until it ran <paramref name="Most"/> times or the budget
    /// is spent, and at least once; a warm-up longer than the whole budget is measurement enough on its own. A run that
    /// takes longer than <see cref="Timeout"/> is stopped, and then there is no measurement (null).
    /// </summary>
    private sealed record Runs(int Most, TimeSpan Budget)
    {
        /// <returns>The measured runs, and the rows the warm-up run returned.</returns>
        public async Task<(Measurement Measured, int Rows)?> TimeAsync(Func<CancellationToken, Task<int>> run, CancellationToken cancellationToken)
        {
            if (await TimedAsync(run, cancellationToken) is not { } warmUp)
            {
                return null;
            }

            List<TimeSpan> latencies = warmUp.Latency > Budget ? [warmUp.Latency] : [];
            var started = Stopwatch.GetTimestamp();
            while (latencies.Count == 0 || (latencies.Count < Most && Stopwatch.GetElapsedTime(started) < Budget))
            {
                if (await TimedAsync(run, cancellationToken) is not { } measured)
                {
                    return null;
                }

                latencies.Add(measured.Latency);
            }

            return (Measurement.Of(1, latencies.Aggregate(TimeSpan.Zero, (sum, l) => sum + l), latencies.Count, latencies), warmUp.Rows);
        }

        private static async Task<(int Rows, TimeSpan Latency)?> TimedAsync(Func<CancellationToken, Task<int>> run, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            var started = Stopwatch.GetTimestamp();
            try
            {
                var rows = await run(timeout.Token);
                return (rows, Stopwatch.GetElapsedTime(started));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }
    }
}
