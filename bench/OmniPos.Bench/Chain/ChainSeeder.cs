using System.Diagnostics;
using OmniPos.Bench.Sales;
using OmniPos.Core.Events;
using OmniPos.Core.Importing;
using OmniPos.Core.Storage;

namespace OmniPos.Bench.Chain;

/// <summary>
/// Fills an operational store with the simulated year as fast as the store takes it: the catalog, then every event in
/// order through <see cref="IOperationalStore.QueueAppends"/> in batches (the path the batch endpoint uses, the fastest
/// correct one), a few batches queued ahead so the store's one writer never waits, then the processor's records.
/// Every event must be accepted and every record added: anything else means the chain is not what the benchmark says.
/// </summary>
internal static class ChainSeeder
{
    private const int BatchSize = 512;
    private const int BatchesAhead = 8;
    private const int RecordsPerImport = 10_000;
    private static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(1);

    /// <returns>How many events were appended, and how long seeding took in all.</returns>
    public static async Task<(long Events, TimeSpan Elapsed)> SeedAsync(IOperationalStore store, ChainCatalog catalog, ChainSimulation simulation,
        Action<string> status, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        status($"seeding: saving the catalog ({catalog.Stores.Count} stores, {catalog.Products.Count + catalog.GiftCards.Count:N0} products)");
        await catalog.SaveAsync(store, cancellationToken);

        var queued = new Queue<(PosEvent[] Events, IReadOnlyList<Task<AppendOutcome>> Outcomes)>();
        var events = 0L;
        var shown = TimeSpan.Zero;
        foreach (var batch in simulation.Events().Chunk(BatchSize))
        {
            queued.Enqueue((batch, store.QueueAppends(batch, cancellationToken)));
            events += batch.Length;
            if (queued.Count > BatchesAhead)
            {
                await AcceptedAsync(queued.Dequeue());
            }

            if (clock.Elapsed - shown > StatusInterval)
            {
                shown = clock.Elapsed;
                status($"seeding: {events:N0} events appended ({simulation.SaleLines:N0} sale lines), {events / shown.TotalSeconds:N0} events/s");
            }
        }

        while (queued.Count > 0)
        {
            await AcceptedAsync(queued.Dequeue());
        }

        status($"seeding: importing {simulation.Settlements.Count:N0} settlements and {simulation.Chargebacks.Count:N0} chargebacks");
        await AddedAsync(simulation.Settlements, store.Importing.AddSettlementsAsync, cancellationToken);
        await AddedAsync(simulation.Chargebacks, store.Importing.AddChargebacksAsync, cancellationToken);
        return (events, clock.Elapsed);
    }

    private static async Task AcceptedAsync((PosEvent[] Events, IReadOnlyList<Task<AppendOutcome>> Outcomes) batch)
    {
        var outcomes = await Task.WhenAll(batch.Outcomes);
        var refused = Array.FindIndex(outcomes, o => o.Status != AppendStatus.Accepted);
        if (refused >= 0)
        {
            throw AppendBenchmark.NotAccepted(batch.Events[refused], outcomes[refused]);
        }
    }

    private static async Task AddedAsync<T>(List<T> records, Func<IReadOnlyList<T>, CancellationToken, Task<IReadOnlyList<RecordStatus>>> add,
        CancellationToken cancellationToken) where T : ProcessorRecord
    {
        foreach (var chunk in records.Chunk(RecordsPerImport))
        {
            var statuses = await add(chunk, cancellationToken);
            var refused = statuses.ToList().FindIndex(s => s != RecordStatus.Added);
            if (refused >= 0)
            {
                throw new InvalidOperationException($"{typeof(T).Name} {chunk[refused].ProcessorToken} was {statuses[refused]}");
            }
        }
    }
}
