using System.Diagnostics;
using OmniPos.Core.Catalog;
using OmniPos.Core.Storage;
using OmniPos.Warehouse.DuckDb;
using OmniPos.Warehouse.Marts;

namespace OmniPos.Warehouse.Lake;

/// <summary>
/// Lands what the operational store accepted since the watermark, run by run. A run stages its fact rows in DuckDB,
/// writes them as Parquet per table and business date under temporary names, renames the files into place, and then
/// commits in one DuckDB transaction the manifest rows, the facts, the marts of the dates it touched and the new
/// watermark. A run interrupted anywhere before that commit leaves files the manifest does not record; the next landing
/// removes them and lands the same records again, so each one lands exactly once.
/// </summary>
internal sealed class LakeLanding(AnalyticsWarehouse warehouse, IOperationalStore store, LandingOptions options, Action<LandingProgress>? progress)
{
    public const string EventFeed = "events";
    public const string SettlementFeed = "settlements";
    public const string ChargebackFeed = "chargebacks";

    private readonly LakeFiles _lake = warehouse.Lake;

    public async Task<LandingReport> LandAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var connection = warehouse.Connect();
        var removed = _lake.RemoveUnrecorded(Manifest.RecordedPaths(connection));
        var totals = new Totals();
        var reading = ReadAheadAsync(Watermarks.Read(connection, EventFeed), cancellationToken);
        try
        {
            while (await reading is { Events.Count: > 0 } read)
            {
                var events = read.Events;
                // The next run's events are read from the store while DuckDB lands this one's (a run that fails drops
                // them). A run that reached the end of the log is the last: under a steady stream of posts the landing
                // ends with what was there when it began, and the next landing takes the rest.
                reading = read.ReachedEnd ? Task.FromResult(EventsRead.None) : ReadAheadAsync(events[^1].Seq, cancellationToken);

                // Read after the events, so it holds every store, device and product they name (entries exist before events name them).
                var catalog = await ReadCatalogAsync(cancellationToken);
                Dimensions.Refresh(connection, catalog);
                totals.Add(LandEvents(connection, events, cancellationToken), events.Count, 0);
            }
        }
        finally
        {
            // Never leave a read running against a store the caller may close next; its own failure matters no more.
            await Task.WhenAny(reading);
        }

        await LandProcessorRecordsAsync(connection, totals, cancellationToken);
        return new LandingReport(totals.Events, totals.Records, totals.Rows, totals.Files, removed,
            Watermarks.Read(connection, EventFeed), Watermarks.Read(connection, SettlementFeed), Watermarks.Read(connection, ChargebackFeed),
            clock.Elapsed);
    }

    private async Task<Catalog> ReadCatalogAsync(CancellationToken cancellationToken) => new(
        await store.ListCatalogAsync<Store>(cancellationToken),
        await store.ListCatalogAsync<Device>(cancellationToken),
        await store.ListCatalogAsync<Product>(cancellationToken),
        await store.ListCatalogAsync<Promotion>(cancellationToken),
        await store.ListCatalogAsync<Customer>(cancellationToken),
        await store.ListCatalogAsync<Employee>(cancellationToken));

    /// <summary>
    /// <see cref="ReadEventsAsync"/> on a thread of its own: the stores' reads do their work before they return a task
    /// (SQLite's are synchronous), which would keep the read from overlapping the landing.
    /// </summary>
    private Task<EventsRead> ReadAheadAsync(long afterSeq, CancellationToken cancellationToken) =>
        Task.Run(() => ReadEventsAsync(afterSeq, cancellationToken), cancellationToken);

    /// <summary>
    /// Up to a run's worth of events after <paramref name="afterSeq"/>, read page by page; a page shorter than asked for
    /// is the end of the log for now, and ends the run.
    /// </summary>
    private async Task<EventsRead> ReadEventsAsync(long afterSeq, CancellationToken cancellationToken)
    {
        var events = new List<StoredEvent>();
        while (events.Count < options.EventsPerRun)
        {
            var asked = Math.Min(options.PageSize, options.EventsPerRun - events.Count);
            var page = await store.ReadEventsAsync(afterSeq, asked, cancellationToken);
            events.AddRange(page);
            if (page.Count < asked)
            {
                return new EventsRead(events, ReachedEnd: true);
            }

            afterSeq = page[^1].Seq;
        }

        return new EventsRead(events, ReachedEnd: false);
    }

    private sealed record EventsRead(List<StoredEvent> Events, bool ReachedEnd)
    {
        public static EventsRead None { get; } = new([], true);
    }

    private (long Rows, int Files) LandEvents(DuckDbConnection connection, List<StoredEvent> events, CancellationToken cancellationToken)
    {
        var run = new LandingRun(connection, _lake, EventFeed, events[0].Seq, events[^1].Seq, events.Count, FactTables.FromEvents, progress);
        EventFacts.Stage(connection, events, cancellationToken);
        return run.Finish(() => MartRefresh.Apply(connection));
    }

    private async Task LandProcessorRecordsAsync(DuckDbConnection connection, Totals totals, CancellationToken cancellationToken)
    {
        while (await store.Importing.ReadSettlementsAfterAsync(Watermarks.Read(connection, SettlementFeed), options.EventsPerRun, cancellationToken)
               is { Count: > 0 } settlements)
        {
            var run = new LandingRun(connection, _lake, SettlementFeed, settlements[0].Seq, settlements[^1].Seq, settlements.Count, [FactTables.Settlements], progress);
            ProcessorFacts.StageSettlements(connection, settlements);
            totals.Add(run.Finish(() => MartRefresh.ApplySettlements(connection)), 0, settlements.Count);
        }

        while (await store.Importing.ReadChargebacksAfterAsync(Watermarks.Read(connection, ChargebackFeed), options.EventsPerRun, cancellationToken)
               is { Count: > 0 } chargebacks)
        {
            var run = new LandingRun(connection, _lake, ChargebackFeed, chargebacks[0].Seq, chargebacks[^1].Seq, chargebacks.Count, [FactTables.Chargebacks], progress);
            ProcessorFacts.StageChargebacks(connection, chargebacks);
            totals.Add(run.Finish(null), 0, chargebacks.Count);
        }
    }

    private sealed class Totals
    {
        public long Events { get; private set; }

        public long Records { get; private set; }

        public long Rows { get; private set; }

        public int Files { get; private set; }

        public void Add((long Rows, int Files) run, long events, long records)
        {
            Rows += run.Rows;
            Files += run.Files;
            Events += events;
            Records += records;
        }
    }
}
