using System.Diagnostics;
using OmniPos.Bench.Stores;
using OmniPos.Core.Events;
using OmniPos.Core.Storage;

namespace OmniPos.Bench.Sales;

/// <summary>
/// Sale events per second that concurrent registers get accepted by a fresh store, and the latency each append waits:
/// first 8 registers appending one sale at a time, then 50 registers appending batches of 100 through
/// <see cref="IOperationalStore.QueueAppends"/>, as the batch endpoint does but without HTTP, so the second row is what
/// the store's writer can take at most, the ceiling of the post batches row. Every append must be accepted: a rejection
/// means the benchmark measured something other than recording sales.
/// </summary>
internal sealed class AppendBenchmark : IBenchmark
{
    private const int Writers = 8;
    private const int BatchRegisters = 50;
    private const int BatchSize = 100;

    /// <summary>Measured on two cores: throughput climbs for the first 3-4 s of appending and is steady after.</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    public string Name => "append sales";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(StoreTarget target, BenchSettings settings, Action<string> status, CancellationToken cancellationToken)
    {
        var single = await MeasureAsync(target, Writers, AppendOneAsync, settings, $"{target.Name}: single appends", status, cancellationToken);
        var batches = await MeasureAsync(target, BatchRegisters, AppendBatchAsync, settings, $"{target.Name}: batches of {BatchSize}", status, cancellationToken);
        return
        [
            new ResultRow(Name, target.Name, single, $"{target.Setup}; {SingleGoal(target.Engine).Verdict(single)}"),
            new ResultRow($"append batches of {BatchSize}", target.Name, batches,
                $"{target.Setup}; straight to the store, no HTTP: the most post batches can reach; no goal set"),
        ];
    }

    /// <summary>Issue #2's goals for single appends with 8 writers.</summary>
    private static Goal SingleGoal(StoreEngine engine) => engine switch
    {
        StoreEngine.Sqlite => new Goal(5_000),
        StoreEngine.Postgres => new Goal(3_000),
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "no goal for this engine"),
    };

    /// <summary>Opens a fresh store with a catalog of <paramref name="registers"/> registers and measures them all recording at once.</summary>
    private static async Task<Measurement> MeasureAsync(StoreTarget target, int registers, Func<IOperationalStore, SaleFactory, CancellationToken, Task<Recorded>> record,
        BenchSettings settings, string label, Action<string> status, CancellationToken cancellationToken)
    {
        status($"{label}: opening a store");
        await using var store = await target.OpenStoreAsync(cancellationToken);
        var catalog = BenchCatalog.Create(registers);
        status($"{label}: saving the catalog ({catalog.Products.Count:N0} products, {catalog.Registers.Count} registers)");
        await catalog.SaveAsync(store, cancellationToken);

        var writers = catalog.SaleFactories().Select(sales => new SalesWriter(ct => record(store, sales, ct))).ToList();
        return await MeasuredPhase.RunAsync(writers, WarmUp, settings.MeasuredDuration, label, status, cancellationToken);
    }

    private static async Task<Recorded> AppendOneAsync(IOperationalStore store, SaleFactory sales, CancellationToken cancellationToken)
    {
        var sale = sales.Next();
        var started = Stopwatch.GetTimestamp();
        var outcome = await store.AppendAsync(sale, cancellationToken);
        var latency = Stopwatch.GetElapsedTime(started);
        return outcome.Status == AppendStatus.Accepted ? new Recorded(1, latency) : throw NotAccepted(sale, outcome);
    }

    private static async Task<Recorded> AppendBatchAsync(IOperationalStore store, SaleFactory sales, CancellationToken cancellationToken)
    {
        var batch = Enumerable.Range(0, BatchSize).Select(_ => sales.Next()).ToList();
        var started = Stopwatch.GetTimestamp();
        var outcomes = await Task.WhenAll(store.QueueAppends(batch, cancellationToken));
        var latency = Stopwatch.GetElapsedTime(started);
        var refused = outcomes.Index().FirstOrDefault(o => o.Item.Status != AppendStatus.Accepted);
        return refused.Item is null ? new Recorded(BatchSize, latency) : throw NotAccepted(batch[refused.Index], refused.Item);
    }

    /// <summary>Why an append that had to be accepted was not, with its first error.</summary>
    public static InvalidOperationException NotAccepted(PosEvent e, AppendOutcome outcome) =>
        new(outcome.Errors is [var first, ..]
            ? $"event {e.EventId} was {outcome.Status}: {first.Field}: {first.Rule}: {first.Message}"
            : $"event {e.EventId} was {outcome.Status}");
}
