using System.Diagnostics;
using OmniPos.Bench.Stores;
using OmniPos.Core.Events;
using OmniPos.Core.Storage;

namespace OmniPos.Bench.Sales;

/// <summary>
/// Sale events per second that concurrent registers get accepted by a fresh store, and the latency each append waits.
/// Every append must be accepted: a rejection means the benchmark measured something other than recording sales.
/// </summary>
internal sealed class AppendBenchmark : IBenchmark
{
    private const int Writers = 8;

    /// <summary>Measured on two cores: throughput climbs for the first 3-4 s of appending and is steady after.</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    public string Name => "append sales";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(StoreTarget target, BenchSettings settings, Action<string> status, CancellationToken cancellationToken)
    {
        status($"{target.Name}: opening a store");
        await using var store = await target.OpenStoreAsync(cancellationToken);
        var catalog = BenchCatalog.Create(Writers);
        status($"{target.Name}: saving the catalog ({catalog.Products.Count:N0} products, {catalog.Registers.Count} registers)");
        await catalog.SaveAsync(store, cancellationToken);

        var writers = catalog.SaleFactories().Select(sales => new SalesWriter(ct => AppendAsync(store, sales, ct))).ToList();
        var measured = await MeasuredPhase.RunAsync(writers, WarmUp, settings.MeasuredDuration, target.Name, status, cancellationToken);
        return [new ResultRow(Name, target.Name, measured, Notes(target, measured))];
    }

    private static string Notes(StoreTarget target, Measurement measured)
    {
        var goal = target.Engine switch
        {
            StoreEngine.Sqlite => new Goal(5_000),
            StoreEngine.Postgres => new Goal(3_000),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target.Engine, "no goal for this engine"),
        };
        return $"{target.Setup}; {goal.Verdict(measured)}";
    }

    private static async Task<Recorded> AppendAsync(IOperationalStore store, SaleFactory sales, CancellationToken cancellationToken)
    {
        var sale = sales.Next();
        var started = Stopwatch.GetTimestamp();
        var outcome = await store.AppendAsync(sale, cancellationToken);
        var latency = Stopwatch.GetElapsedTime(started);
        return outcome.Status == AppendStatus.Accepted ? new Recorded(1, latency) : throw NotAccepted(sale, outcome);
    }

    private static InvalidOperationException NotAccepted(PosEvent sale, AppendOutcome outcome) =>
        new(outcome.Errors is [var first, ..]
            ? $"sale {sale.EventId} was {outcome.Status}: {first.Field}: {first.Rule}: {first.Message}"
            : $"sale {sale.EventId} was {outcome.Status}");
}
