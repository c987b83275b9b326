using System.Diagnostics;
using OmniPos.Warehouse.DuckDb;
using OmniPos.Warehouse.Tests.Support;
using Xunit.Abstractions;

namespace OmniPos.Warehouse.Tests.DuckDb;

[Collection(ProcessMemory.Name)]
public sealed class DuckDbMemoryTests(ITestOutputHelper output) : IDisposable
{
    private const int WarmUpCycles = 500;
    private const int Cycles = 10_000;

    /// <summary>
    /// Opening a database costs DuckDB some 10 ms here (it loads its built-in extensions), so 10,000 of them would take
    /// minutes: every cycle connects, prepares, binds, queries and reads, and every 25th opens a new database first.
    /// </summary>
    private const int CyclesPerDatabase = 25;

    private const int CyclesPerFileDatabase = 2_500;
    private const long Bound = 64L << 20;
    private const int LeakSamples = 50;

    private const string CycleSql = "SELECT i, 'name ' || i || ', past twelve bytes', [i::VARCHAR, ?], ? FROM range(?) t(i)";

    private readonly TempDirectory _folder = new();

    [Fact]
    public void Ten_thousand_open_query_dispose_cycles_leave_process_memory_flat()
    {
        Run(WarmUpCycles);
        var before = SettledWorkingSet();
        Run(Cycles);
        var growth = SettledWorkingSet() - before;

        var (perDatabase, perQuery) = LeakedCosts();
        var allLeaked = perDatabase * (Cycles / CyclesPerDatabase) + perQuery * Cycles;
        output.WriteLine($"growth {growth >> 10} KB; a leaked database costs {perDatabase >> 10} KB, a leaked query {perQuery >> 10} KB: {allLeaked >> 20} MB for all");

        Assert.True(perQuery * Cycles > 4 * Bound, $"leaking every query would cost only {perQuery * Cycles >> 20} MB, too little for a bound of {Bound >> 20} MB to notice");
        Assert.True(allLeaked > 4 * Bound, $"leaking everything would cost only {allLeaked >> 20} MB");
        Assert.True(growth < Bound, $"the working set grew {growth >> 20} MB over {Cycles} cycles");
    }

    private void Run(int cycles)
    {
        DuckDbDatabase? database = null;
        try
        {
            for (var cycle = 0; cycle < cycles; cycle++)
            {
                if (cycle % CyclesPerDatabase == 0)
                {
                    database?.Dispose();
                    database = DuckDbDatabase.Open(cycle % CyclesPerFileDatabase == 0 ? Path.Combine(_folder.Path, "cycles.duckdb") : null);
                }

                using var connection = database!.Connect();
                Assert.Equal(Expected, Query(connection));
            }
        }
        finally
        {
            database?.Dispose();
        }
    }

    /// <summary>What 10,000 cycles would cost if none were disposed: databases and queries kept open, measured on a few.</summary>
    private static (long PerDatabase, long PerQuery) LeakedCosts()
    {
        var kept = new List<IDisposable>();
        try
        {
            var start = SettledWorkingSet();
            for (var i = 0; i < LeakSamples; i++)
            {
                var database = DuckDbDatabase.Open(null);
                var connection = database.Connect();
                kept.AddRange([database, connection]);
                Query(connection);
            }

            var perDatabase = (SettledWorkingSet() - start) / LeakSamples;
            var queries = kept.OfType<DuckDbConnection>().First();
            start = SettledWorkingSet();
            for (var i = 0; i < LeakSamples * 10; i++)
            {
                var statement = queries.Prepare(CycleSql);
                var reader = statement.BindAll("tag past twelve bytes", "é日本", 5L).Query();
                kept.AddRange([statement, reader]);
                reader.ReadAll(Row);
            }

            return (perDatabase, (SettledWorkingSet() - start) / (LeakSamples * 10));
        }
        finally
        {
            for (var i = kept.Count - 1; i >= 0; i--)
            {
                kept[i].Dispose();
            }
        }
    }

    private static readonly string[] Expected = [.. Enumerable.Range(0, 5).Select(i => $"{i}|name {i}, past twelve bytes|{i},tag past twelve bytes|é日本")];

    private static string[] Query(DuckDbConnection connection)
    {
        using var statement = connection.Prepare(CycleSql);
        using var reader = statement.BindAll("tag past twelve bytes", "é日本", 5L).Query();
        return [.. reader.ReadAll(Row)];
    }

    private static string Row(DuckDbReader reader) =>
        $"{reader.GetInt64(0)}|{reader.GetString(1)}|{string.Join(',', reader.GetList(2, static (element, i) => element.GetString(i)))}|{reader.GetString(3)}";

    /// <summary>
    /// The working set once the collector has run and handed freed memory back to the system at once (aggressive), so
    /// what tests before this one freed is not still going back while this one measures.
    /// </summary>
    private static long SettledWorkingSet()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    public void Dispose() => _folder.Dispose();
}
