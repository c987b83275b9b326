using System.Diagnostics;
using OmniPos.Bench.Stores;
using OmniPos.Core.Storage;

namespace OmniPos.Bench.Sales;

/// <summary>
/// Sale events per second that concurrent registers get accepted by a fresh store, and the latency each append waits.
/// Every append must be accepted: a rejection means the benchmark measured something other than recording sales.
/// </summary>
internal sealed class AppendBenchmark : IBenchmark
{
    private const int Writers = 8;
    private const int Products = 2_000;
    /// <summary>
    /// Long enough for the runtime to have compiled the hot paths fully optimized: measured on two cores, throughput climbs
    /// for the first 3-4 s of appending and is steady after.
    /// </summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);
    private const int Seed = 20_261_120;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    public string Name => "append sales";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(StoreTarget target, BenchSettings settings, Action<string> status, CancellationToken cancellationToken)
    {
        status($"{target.Name}: opening a store");
        await using var store = await target.OpenStoreAsync(cancellationToken);
        var catalog = BenchCatalog.Create(Writers, Products, Seed);
        status($"{target.Name}: saving the catalog ({catalog.Products.Count:N0} products, {catalog.Registers.Count} registers)");
        await catalog.SaveAsync(store, cancellationToken);

        var runTag = RunTag();
        var writers = catalog.Registers
            .Select((register, w) => new SalesWriter(store, new SaleFactory(catalog, register, $"bench-{runTag}-w{w + 1}", Seed + w + 1, TimeProvider.System)))
            .ToList();
        status($"{target.Name}: warming up ({Writers} writers for {WarmUp.TotalSeconds:0} s)");
        var warm = Deadline(Stopwatch.GetTimestamp(), WarmUp);
        await RunAllAsync(writers, (w, ct) => w.WarmUpUntilAsync(warm, ct), cancellationToken);

        var started = Stopwatch.GetTimestamp();
        var deadline = Deadline(started, settings.MeasuredDuration);
        var measuring = RunAllAsync(writers, (w, ct) => w.MeasureUntilAsync(deadline, ct), cancellationToken);
        while (!measuring.IsCompleted)
        {
            // The writers observe the token; this only paces the progress display and ends as soon as they do.
            await Task.WhenAny(measuring, Task.Delay(ProgressInterval, CancellationToken.None));
            status($"{target.Name}: measuring, {Stopwatch.GetElapsedTime(started).TotalSeconds:0}s of {settings.MeasuredDuration.TotalSeconds:0}s, "
                + $"{writers.Sum(w => w.Measured):N0} sales accepted");
        }

        await measuring;
        var measured = Measurement.Of(Writers, Stopwatch.GetElapsedTime(started), writers.SelectMany(w => w.Latencies));
        return [new ResultRow(Name, target.Name, measured, Notes(target, measured))];
    }

    private static long Deadline(long from, TimeSpan after) => from + (long)(after.TotalSeconds * Stopwatch.Frequency);

    private static string Notes(StoreTarget target, Measurement measured)
    {
        var goal = target.Engine switch
        {
            StoreEngine.Sqlite => 5_000,
            StoreEngine.Postgres => 3_000,
            _ => throw new ArgumentOutOfRangeException(nameof(target), target.Engine, "no goal for this engine"),
        };
        var verdict = measured.EventsPerSecond >= goal ? "met" : "MISSED";
        return $"{target.Setup}; goal {goal:N0}/s {verdict}";
    }

    /// <summary>Runs the work on every writer at once; the first writer that fails stops the others, and its error is the one thrown.</summary>
    private static async Task RunAllAsync(List<SalesWriter> writers, Func<SalesWriter, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = writers.Select(w => Task.Run(async () =>
        {
            try
            {
                await work(w, stop.Token);
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
        }, CancellationToken.None)).ToArray();
        // A faulted task outranks cancelled ones in WhenAll, so what is thrown is the failed writer's error, not a stopped writer's.
        await Task.WhenAll(tasks);
    }

    /// <summary>Letters only, so ids stay free of long digit runs; sets this run's ids apart from earlier runs on a shared server.</summary>
    private static string RunTag() => new(Random.Shared.GetItems<char>("abcdefghijklmnopqrstuvwxyz", 8));
}
