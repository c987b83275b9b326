using OmniPos.Core.Importing;
using OmniPos.Core.Storage;
using OmniPos.Core.Tests.Support;

namespace OmniPos.Core.Tests.Storage;

/// <summary>
/// Processor records numbered in the order they are recorded, one count per kind, and read after the last seq a reader
/// saw (as landing reads them): nothing skipped, nothing twice, even while two processes import. Every engine enrolls unchanged.
/// </summary>
public abstract class RecordSeqConformanceTests : StoreTestBase
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateOnly Day = TestRecords.Day;

    [Fact]
    public async Task Each_kind_of_record_is_numbered_from_one_in_the_order_it_was_recorded()
    {
        // Neither in date nor in token order: the order the imports gave them.
        Settlement[] first = [TestRecords.Settlement("tok_c", Day.AddDays(1)), TestRecords.Settlement("tok_a"), TestRecords.Settlement("tok_b", Day.AddDays(-1))];
        Settlement[] second = [TestRecords.Settlement("tok_0")];
        Chargeback[] chargebacks = [TestRecords.Chargeback("tok_z"), TestRecords.Chargeback("tok_y")];

        await AddAsync(Store, first);
        await AddAsync(Store, chargebacks);
        await AddAsync(Store, second);

        Assert.Equal(Numbered([.. first, .. second]), await Store.Importing.ReadSettlementsAfterAsync(0, 100, None));
        Assert.Equal(Numbered(chargebacks), await Store.Importing.ReadChargebacksAfterAsync(0, 100, None));
    }

    [Fact]
    public async Task Reading_after_a_seq_gives_at_most_the_count_asked_of_the_records_that_follow_in_seq_order()
    {
        var recorded = Enumerable.Range(1, 7).Select(i => TestRecords.Chargeback($"tok_{8 - i}")).ToArray();
        await AddAsync(Store, recorded);

        var pages = new List<IReadOnlyList<RecordedEntry<Chargeback>>>();
        long after = 0;
        for (IReadOnlyList<RecordedEntry<Chargeback>> page; (page = await Store.Importing.ReadChargebacksAfterAsync(after, 3, None)).Count > 0; after = page[^1].Seq)
        {
            AssertFollows(after, page);
            pages.Add(page);
        }

        Assert.Equal([3, 3, 1], pages.Select(p => p.Count));
        Assert.Equal(Numbered(recorded), pages.SelectMany(p => p));
        Assert.Equal(new RecordedEntry<Chargeback>(5, recorded[4]), Assert.Single(await Store.Importing.ReadChargebacksAfterAsync(4, 1, None)));
        Assert.Empty(await Store.Importing.ReadChargebacksAfterAsync(7, 3, None));
        Assert.Empty(await Store.Importing.ReadSettlementsAfterAsync(0, 3, None));
    }

    [Fact]
    public async Task A_record_offered_again_keeps_its_seq_and_a_refused_one_takes_none()
    {
        Settlement a = TestRecords.Settlement("tok_a"), b = TestRecords.Settlement("tok_b"), c = TestRecords.Settlement("tok_c");
        await AddAsync(Store, [a, b]);

        var statuses = await Store.Importing.AddSettlementsAsync(
            [b with { Amount = 30.0m }, b with { Fee = 0.99m }, TestRecords.Settlement("tok_d") with { StoreId = "LA-09" }, TestRecords.Settlement("tok_e") with { Currency = "EUR" }, c], None);

        Assert.Equal([RecordStatus.Duplicate, RecordStatus.Conflict, RecordStatus.UnknownStore, RecordStatus.WrongCurrency, RecordStatus.Added], statuses);
        Assert.Equal(Numbered([a, b, c]), await Store.Importing.ReadSettlementsAfterAsync(0, 100, None));
    }

    [Fact]
    public async Task Two_processes_importing_at_once_number_every_record_once_without_gaps_and_a_reader_following_them_misses_none()
    {
        const int batches = 10, perBatch = 5;
        await using var otherProcess = await Backend.OpenAsync();
        IOperationalStore[] processes = [Store, otherProcess];
        foreach (var process in processes)
        {
            await process.Importing.ReadSettlementsAfterAsync(0, 1, None); // connected, so that neither starts late
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seenByReader = new List<RecordedEntry<Settlement>>();
        using var readerStop = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            long after = 0;
            while (true)
            {
                var done = readerStop.IsCancellationRequested;
                var page = await Store.Importing.ReadSettlementsAfterAsync(after, 7, None);
                AssertFollows(after, page);
                seenByReader.AddRange(page);
                after = page.Count > 0 ? page[^1].Seq : after;
                if (done && page.Count == 0)
                {
                    return;
                }
            }
        });

        var importing = processes.Select((store, process) => Task.Run(async () =>
        {
            await start.Task;
            var given = new List<Settlement[]>();
            for (var batch = 0; batch < batches; batch++)
            {
                given.Add([.. Enumerable.Range(0, perBatch).Select(i => TestRecords.Settlement($"tok_{process}_{batch}_{i}"))]);
                await AddAsync(store, given[^1]);
            }

            return given;
        })).ToList();
        start.SetResult();
        var imported = await Task.WhenAll(importing);
        await readerStop.CancelAsync();
        await reader;

        var all = await Store.Importing.ReadSettlementsAfterAsync(0, 1_000, None);
        Assert.Equal(Enumerable.Range(1, 2 * batches * perBatch).Select(i => (long)i), all.Select(e => e.Seq));
        Assert.Equal(all, seenByReader); // in order, nothing skipped, nothing twice
        var seqOf = all.ToDictionary(e => e.Record, e => e.Seq);
        Assert.All(imported.SelectMany(process => process), given =>
        {
            // A batch is one transaction: its records take consecutive seqs in the order given.
            var first = seqOf[given[0]];
            Assert.Equal(Enumerable.Range(0, given.Length).Select(i => first + i), given.Select(s => seqOf[s]));
        });
    }

    [Fact]
    public async Task Records_there_before_they_were_numbered_are_numbered_when_the_store_opens_and_new_ones_follow()
    {
        // The database as it was before migration 009, with records in it.
        await CloseStoreAsync();
        await Backend.ExecuteSqlAsync("""
            DROP INDEX settlements_by_record_seq;
            ALTER TABLE settlements DROP COLUMN record_seq;
            DROP INDEX chargebacks_by_record_seq;
            ALTER TABLE chargebacks DROP COLUMN record_seq;
            DELETE FROM schema_migrations WHERE version = 9;
            INSERT INTO settlements (store_id, settlement_date, processor_token, auth_code, amount, fee, currency) VALUES
              ('NY-01', '2026-11-19', 'tok_a', 'A1', '30.00', '0.45', 'USD'),
              ('NY-01', '2026-11-20', 'tok_a', 'A2', '12.50', '0.20', 'USD'),
              ('NY-01', '2026-11-20', 'tok_b', 'B1', '5.00', '0.10', 'USD');
            INSERT INTO chargebacks (store_id, chargeback_date, processor_token, auth_code, amount, currency, reason_code) VALUES
              ('NY-01', '2026-11-20', 'tok_a', 'A1', '30.00', 'USD', '13.1');
            """);
        Settlement[] settled =
        [
            new(TestCatalog.StoreId, Day.AddDays(-1), "tok_a", "A1", 30.00m, 0.45m, "USD"),
            new(TestCatalog.StoreId, Day, "tok_a", "A2", 12.50m, 0.20m, "USD"),
            new(TestCatalog.StoreId, Day, "tok_b", "B1", 5.00m, 0.10m, "USD"),
        ];
        var chargedBack = new Chargeback(TestCatalog.StoreId, Day, "tok_a", "A1", 30.00m, "USD", "13.1");

        await using var reopened = await Backend.OpenAsync();
        var numbered = await reopened.Importing.ReadSettlementsAfterAsync(0, 100, None);
        var (newSettlement, newChargeback) = (TestRecords.Settlement("tok_c"), TestRecords.Chargeback("tok_c"));
        await AddAsync(reopened, [newSettlement]);
        await AddAsync(reopened, [newChargeback]);

        // Each engine numbers the records already there in an order of its own; what counts is 1, 2, 3… once each.
        Assert.Equal([1L, 2, 3], numbered.Select(e => e.Seq));
        Assert.Equal(settled.ToHashSet(), numbered.Select(e => e.Record).ToHashSet());
        Assert.Equal(new RecordedEntry<Settlement>(4, newSettlement), Assert.Single(await reopened.Importing.ReadSettlementsAfterAsync(3, 100, None)));
        Assert.Equal(Numbered([chargedBack, newChargeback]), await reopened.Importing.ReadChargebacksAfterAsync(0, 100, None));
    }

    /// <summary>A page read after a seq starts past it, so that a reader paging on moves on (and a test of a wrong one ends).</summary>
    private static void AssertFollows<T>(long after, IReadOnlyList<RecordedEntry<T>> page) where T : ProcessorRecord
    {
        if (page.Count > 0)
        {
            Assert.True(page[0].Seq > after, $"the page read after seq {after} starts at seq {page[0].Seq}");
        }
    }

    /// <summary>The records with the seqs 1, 2, 3… in the order given.</summary>
    private static IEnumerable<RecordedEntry<T>> Numbered<T>(IEnumerable<T> records) where T : ProcessorRecord =>
        records.Select((r, i) => new RecordedEntry<T>(i + 1, r));

    private static async Task AddAsync(IOperationalStore store, IReadOnlyList<Settlement> settlements) =>
        Assert.Equal(settlements.Select(_ => RecordStatus.Added), await store.Importing.AddSettlementsAsync(settlements, None));

    private static async Task AddAsync(IOperationalStore store, IReadOnlyList<Chargeback> chargebacks) =>
        Assert.Equal(chargebacks.Select(_ => RecordStatus.Added), await store.Importing.AddChargebacksAsync(chargebacks, None));
}
