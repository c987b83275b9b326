using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OmniPos.Core.Catalog;
using OmniPos.Core.Devices;
using OmniPos.Core.Events;
using OmniPos.Core.Inventory;
using OmniPos.Core.Payments;
using OmniPos.Core.Sales;
using OmniPos.Core.Storage;
using OmniPos.Core.Tests.Support;

namespace OmniPos.Core.Tests.Storage;

/// <summary>Recording events exactly once: replay, conflict, reading by seq, receipts, concurrency. Every engine enrolls unchanged.</summary>
public abstract class AppendConformanceTests : StoreTestBase
{
    [Fact]
    public async Task Replaying_an_event_returns_its_original_seq_and_records_it_once()
    {
        var sale = TestEvents.Event(TestEvents.Sale("T-1", ("SKU-1", 2, 10.00m)));

        var first = await Store.AppendAsync(sale, CancellationToken.None);
        var again = await Store.AppendAsync(sale, CancellationToken.None);

        Assert.Equal(AppendStatus.Accepted, first.Status);
        Assert.Equal(AppendStatus.Duplicate, again.Status);
        Assert.Equal(first.Seq, again.Seq);
        Assert.Single(await AllEventsAsync());
        Assert.Equal(-2, (await Store.GetStockAsync("SKU-1", TestCatalog.StoreId, CancellationToken.None)).OnHand);
    }

    [Fact]
    public async Task Replaying_an_event_id_with_different_content_is_a_conflict_and_changes_nothing()
    {
        var original = TestEvents.Event(TestEvents.Sale("T-1", ("SKU-1", 2, 10.00m)));
        await Store.AppendAsync(original, CancellationToken.None);

        var changed = original with { Body = TestEvents.Sale("T-1", ("SKU-1", 3, 10.00m)) };
        var outcome = await Store.AppendAsync(changed, CancellationToken.None);

        Assert.Equal(AppendStatus.Conflict, outcome.Status);
        Assert.Null(outcome.Seq);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("eventId", "idempotency_conflict"), (error.Field, error.Rule));
        Assert.Single(await AllEventsAsync());
        Assert.Equal(-2, (await Store.GetStockAsync("SKU-1", TestCatalog.StoreId, CancellationToken.None)).OnHand);
    }

    [Fact]
    public async Task Events_read_back_in_seq_order_with_the_device_clock_and_offset_as_sent()
    {
        var occurredInTokyo = new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.FromHours(9));
        var first = await AppendAcceptedAsync(TestEvents.Sale("T-1", ("SKU-1", 1, 10.00m)));
        var tokyo = TestEvents.Event(TestEvents.Sale("T-2", ("SKU-2", 1, 10.00m))) with { OccurredAt = occurredInTokyo };
        var second = (await Store.AppendAsync(tokyo, CancellationToken.None)).Seq;

        var events = await AllEventsAsync();

        Assert.Equal([first, second!.Value], events.Select(e => e.Seq));
        Assert.True(first < second);
        Assert.Equal("sale", events[1].Type);
        Assert.Equal(tokyo.EventId, events[1].EventId);
        Assert.Equal(occurredInTokyo, events[1].OccurredAt);
        Assert.Equal(TimeSpan.FromHours(9), events[1].OccurredAt.Offset);
        Assert.Contains("\"transactionId\":\"T-2\"", events[1].Payload, StringComparison.Ordinal);
        Assert.Empty(await Store.ReadEventsAsync(second.Value, 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_sale_and_a_return_keep_the_customer_country_they_were_sent_with()
    {
        var longest = new string('Z', 128);
        await AppendAcceptedAsync(TestEvents.Sale("T-1", ("SKU-1", 2, 10.00m)) with { CustomerCountry = "United Kingdom" });
        await AppendAcceptedAsync(TestEvents.Return("R-1", "T-1", ("SKU-1", 1, 10.00m)) with { CustomerCountry = "Côte d'Ivoire" });
        await AppendAcceptedAsync(TestEvents.Sale("T-2", ("SKU-2", 1, 10.00m)) with { CustomerCountry = longest });
        await AppendAcceptedAsync(TestEvents.Sale("T-3", ("SKU-3", 1, 10.00m)));

        var countries = (await AllBodiesAsync()).Select(b => b switch
        {
            SaleRecorded sale => sale.CustomerCountry,
            Returns.ReturnRecorded ret => ret.CustomerCountry,
            _ => throw new InvalidOperationException($"unexpected {b.Type}"),
        });

        Assert.Equal(["United Kingdom", "Côte d'Ivoire", longest, null], countries);
        var receipt = await Store.GetTransactionAsync("T-1", CancellationToken.None);
        Assert.Equal("United Kingdom", ((SaleRecorded)receipt!.Sale.Body).CustomerCountry);
        Assert.Equal("Côte d'Ivoire", ((Returns.ReturnRecorded)Assert.Single(receipt.Returns).Body).CustomerCountry);
    }

    [Fact]
    public async Task Events_without_a_customer_country_are_logged_and_hashed_as_before_it_existed_and_replay_as_duplicates()
    {
        string[] logged = [EventsBeforeCustomerCountry.Sale, EventsBeforeCustomerCountry.Return];
        var events = logged.Select(json => EventJson.Parse(Encoding.UTF8.GetBytes(json)).Event!).ToList();
        foreach (var e in events)
        {
            Assert.Equal(AppendStatus.Accepted, (await Store.AppendAsync(e, CancellationToken.None)).Status);
        }

        var log = await AllEventsAsync();

        Assert.Equal(logged, log.Select(e => e.Payload));
        Assert.Equal(logged.Select(json => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))),
            log.Select(e => e.PayloadHash));
        Assert.All(await Task.WhenAll(events.Select(e => Store.AppendAsync(e, CancellationToken.None))), o => Assert.Equal(AppendStatus.Duplicate, o.Status));
    }

    [Fact]
    public async Task Returns_recorded_together_with_their_sale_see_it_and_each_other()
    {
        var outcomes = await AppendTogetherAsync(
            TestEvents.Event(TestEvents.Sale("T-1", ("SKU-1", 2, 10.00m))),
            TestEvents.Event(TestEvents.Return("R-1", "T-1", ("SKU-1", 1, 10.00m))),
            TestEvents.Event(TestEvents.Return("R-2", "T-1", ("SKU-1", 2, 20.00m))));

        Assert.Equal([AppendStatus.Accepted, AppendStatus.Accepted, AppendStatus.Rejected], outcomes.Select(o => o.Status));
        Assert.True(outcomes[0].Seq < outcomes[1].Seq, "a return is recorded after the sale it returns");
        Assert.Contains(outcomes[2].Errors, e => e.Field == "body.lines[0].quantity" && e.Rule == "return_exceeds_sold");
        Assert.Single((await Store.GetTransactionAsync("T-1", CancellationToken.None))!.Returns);
        Assert.Equal(-1, (await Store.GetStockAsync("SKU-1", TestCatalog.StoreId, CancellationToken.None)).OnHand);
    }

    [Fact]
    public async Task An_event_sent_again_within_one_group_is_a_duplicate_or_a_conflict()
    {
        var sale = TestEvents.Event(TestEvents.Sale("T-1", ("SKU-1", 2, 10.00m)));

        var outcomes = await AppendTogetherAsync(
            sale,
            sale,
            sale with { Body = TestEvents.Sale("T-1", ("SKU-1", 5, 10.00m)) },
            TestEvents.Event(TestEvents.Sale("T-1", ("SKU-2", 1, 10.00m))));

        Assert.Equal([AppendStatus.Accepted, AppendStatus.Duplicate, AppendStatus.Conflict, AppendStatus.Rejected], outcomes.Select(o => o.Status));
        Assert.Equal(outcomes[0].Seq, outcomes[1].Seq);
        Assert.Contains(outcomes[3].Errors, e => e.Field == "body.transactionId");
        Assert.Equal(2, (await AllEventsAsync()).Count);
        Assert.Equal(-2, (await Store.GetStockAsync("SKU-1", TestCatalog.StoreId, CancellationToken.None)).OnHand);
    }

    [Fact]
    public async Task Two_processes_recording_one_event_at_once_record_it_once()
    {
        await using var otherProcess = await Backend.OpenAsync();
        var receipt = TestEvents.Event(TestEvents.Move(MovementKind.Receipt, "SKU-4", 5, unitCost: 3.00m));

        // Both wait on the held lock, then race: one records the event, the other finds it recorded.
        Task<AppendOutcome> here, there;
        await using (await Backend.HoldWritesAsync())
        {
            here = Store.AppendAsync(receipt, CancellationToken.None);
            there = otherProcess.AppendAsync(receipt, CancellationToken.None);
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        var outcomes = await Task.WhenAll(here, there);

        Assert.Equal([AppendStatus.Accepted, AppendStatus.Duplicate], outcomes.Select(o => o.Status).Order());
        Assert.Equal(outcomes[0].Seq, outcomes[1].Seq);
        Assert.Single(await AllEventsAsync());
        Assert.Equal(5, (await Store.GetStockAsync("SKU-4", TestCatalog.StoreId, CancellationToken.None)).OnHand);
    }

    [Fact]
    public async Task A_write_the_database_refuses_fails_only_its_own_event()
    {
        await Backend.RefuseSaleLinesOfAsync("SKU-3");

        var appends = await StartTogetherAsync(
            TestEvents.Event(TestEvents.Sale("T-1", ("SKU-1", 1, 10.00m))),
            TestEvents.Event(TestEvents.Sale("T-2", ("SKU-3", 1, 10.00m))),
            TestEvents.Event(TestEvents.Sale("T-3", ("SKU-2", 1, 10.00m))));

        var refused = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => appends[1]);
        Assert.Contains("refused by the test", refused.Message, StringComparison.Ordinal);
        Assert.Equal(AppendStatus.Accepted, (await appends[0]).Status);
        Assert.Equal(AppendStatus.Accepted, (await appends[2]).Status);
        Assert.Equal(["T-0", "T-1", "T-3"], (await AllBodiesAsync()).Select(b => ((SaleRecorded)b).TransactionId));
        Assert.Equal(0, (await Store.GetStockAsync("SKU-3", TestCatalog.StoreId, CancellationToken.None)).OnHand);
        Assert.Equal(AppendStatus.Accepted, (await AppendAsync(TestEvents.Sale("T-4", ("SKU-1", 1, 10.00m)))).Status);
    }

    [Fact]
    public async Task A_capture_and_refunds_of_one_tender_recorded_together_keep_its_balance()
    {
        await AppendAcceptedAsync(TestEvents.Sale("T-1", ("SKU-1", 1, 30.00m)) with
        {
            Tenders = [new Tender(1, TenderKind.CardNotPresent, 30.00m, TestEvents.Card())],
        });

        var outcomes = await AppendTogetherAsync(
            TestEvents.Event(new PaymentCaptured("T-1", 1, 30.00m)),
            TestEvents.Event(new PaymentRefunded("T-1", 1, 20.00m, "price match")),
            TestEvents.Event(new PaymentRefunded("T-1", 1, 15.00m, "goodwill")),
            TestEvents.Event(new PaymentRefunded("T-1", 1, 10.00m, "goodwill")));

        Assert.Equal([AppendStatus.Accepted, AppendStatus.Accepted, AppendStatus.Rejected, AppendStatus.Accepted], outcomes.Select(o => o.Status));
        Assert.Contains(outcomes[2].Errors, e => e.Field == "body.amount");
    }

    [Fact]
    public async Task A_reservation_and_its_releases_recorded_together_never_release_more_than_reserved()
    {
        var outcomes = await AppendTogetherAsync(
            TestEvents.Event(TestEvents.Move(MovementKind.Reservation, "SKU-4", 2)),
            TestEvents.Event(TestEvents.Move(MovementKind.ReservationRelease, "SKU-4", 1)),
            TestEvents.Event(TestEvents.Move(MovementKind.ReservationRelease, "SKU-4", 2)),
            TestEvents.Event(TestEvents.Move(MovementKind.ReservationRelease, "SKU-4", 1)));

        Assert.Equal([AppendStatus.Accepted, AppendStatus.Accepted, AppendStatus.Rejected, AppendStatus.Accepted], outcomes.Select(o => o.Status));
        Assert.Equal(0, (await Store.GetStockAsync("SKU-4", TestCatalog.StoreId, CancellationToken.None)).Reserved);
    }

    [Fact]
    public async Task Events_queued_together_are_recorded_in_the_order_given_and_a_caller_that_gave_up_queues_none()
    {
        var sale = TestEvents.Event(TestEvents.Sale("T-1", ("SKU-1", 2, 10.00m)));
        var unsold = TestEvents.Event(TestEvents.Sale("T-2", ("SKU-1", 0, 10.00m)));
        var ret = TestEvents.Event(TestEvents.Return("R-1", "T-1", ("SKU-1", 1, 10.00m)));
        using var gaveUp = new CancellationTokenSource();
        await gaveUp.CancelAsync();

        Assert.ThrowsAny<OperationCanceledException>(() => Store.QueueAppends([TestEvents.Event(TestEvents.Sale("T-3", ("SKU-1", 1, 10.00m)))], gaveUp.Token));
        var outcomes = await Task.WhenAll(Store.QueueAppends([sale, unsold, ret], CancellationToken.None));

        Assert.Equal([AppendStatus.Accepted, AppendStatus.Rejected, AppendStatus.Accepted], outcomes.Select(o => o.Status));
        Assert.True(outcomes[0].Seq < outcomes[2].Seq, "the return is recorded after the sale queued before it");
        Assert.Equal([sale.EventId, ret.EventId], (await AllEventsAsync()).Select(e => e.EventId));
    }

    [Fact]
    public async Task An_append_whose_caller_gave_up_is_still_recorded_once()
    {
        var sale = TestEvents.Event(TestEvents.Sale("T-1", ("SKU-1", 1, 10.00m)));
        using var givingUp = new CancellationTokenSource();

        Task<AppendOutcome> abandoned;
        await using (await Backend.HoldWritesAsync())
        {
            abandoned = Store.AppendAsync(sale, givingUp.Token);
            await givingUp.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        }

        var resent = await Store.AppendAsync(sale, CancellationToken.None);

        Assert.Equal(AppendStatus.Duplicate, resent.Status);
        Assert.Single(await AllEventsAsync());
    }

    [Fact]
    public async Task A_price_change_sets_the_shelf_price_at_its_store_until_the_next_one()
    {
        var listPrice = await Store.GetShelfPriceAsync("SKU-1", TestCatalog.StoreId, CancellationToken.None);
        var markdown = await AppendAcceptedAsync(new Pricing.PriceChanged("SKU-1", 8.50m, TestCatalog.PromotionId, "fall promotion"));
        var during = await Store.GetShelfPriceAsync("SKU-1", TestCatalog.StoreId, CancellationToken.None);
        var back = await AppendAcceptedAsync(new Pricing.PriceChanged("SKU-1", 10.50m));
        var after = await Store.GetShelfPriceAsync("SKU-1", TestCatalog.StoreId, CancellationToken.None);

        Assert.Equal(new Pricing.ShelfPrice("SKU-1", TestCatalog.StoreId, 10.00m, "USD", null, null), listPrice);
        Assert.Equal(new Pricing.ShelfPrice("SKU-1", TestCatalog.StoreId, 8.50m, "USD", markdown, TestCatalog.PromotionId), during);
        Assert.Equal(new Pricing.ShelfPrice("SKU-1", TestCatalog.StoreId, 10.50m, "USD", back, null), after);
        Assert.Equal(10.00m, (await Store.GetShelfPriceAsync("SKU-2", TestCatalog.StoreId, CancellationToken.None))!.UnitPrice);
        Assert.Null(await Store.GetShelfPriceAsync("SKU-404", TestCatalog.StoreId, CancellationToken.None));
        Assert.Null(await Store.GetShelfPriceAsync("SKU-1", "LA-09", CancellationToken.None));
        Assert.Equal(["price_change", "price_change"], (await AllEventsAsync()).Select(e => e.Type));
    }

    [Fact]
    public async Task Products_saved_together_are_saved_all_or_none()
    {
        var good = new Catalog.Product("SKU-10", "Ten", ["Home"], 1.00m, 2.00m);
        var broken = new Catalog.Product("SKU-11", "Eleven", ["Home"], 1.00m, -2.00m);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveProductsAsync([good, broken], CancellationToken.None));
        var nothing = await Store.FindCatalogEntryAsync<Catalog.Product>("SKU-10", CancellationToken.None);
        await Store.SaveProductsAsync([good, good with { Sku = "SKU-11" }], CancellationToken.None);

        Assert.Contains("'SKU-11'", refused.Message, StringComparison.Ordinal);
        Assert.Null(nothing);
        var saved = await Store.FindCatalogEntryAsync<Catalog.Product>("SKU-11", CancellationToken.None);
        Assert.Equal(("Ten", "Home", 1.00m, 2.00m), (saved!.Name, Assert.Single(saved.CategoryPath), saved.UnitCost, saved.UnitPrice));
        Assert.Equal(AppendStatus.Accepted, (await AppendAsync(TestEvents.Sale("T-1", ("SKU-10", 1, 2.00m)))).Status);
    }

    [Fact]
    public async Task A_receipt_is_looked_up_with_its_returns_oldest_first()
    {
        await AppendAcceptedAsync(TestEvents.Sale("T-1", ("SKU-1", 3, 10.00m), ("SKU-2", 1, 10.00m)));
        await AppendAcceptedAsync(TestEvents.Return("R-1", "T-1", ("SKU-1", 1, 10.00m)));
        await AppendAcceptedAsync(TestEvents.Return("R-2", "T-1", ("SKU-2", 1, 10.00m)));

        var receipt = await Store.GetTransactionAsync("T-1", CancellationToken.None);

        Assert.NotNull(receipt);
        var sale = Assert.IsType<SaleRecorded>(receipt.Sale.Body);
        Assert.Equal(40.00m, sale.Total);
        Assert.Equal(["R-1", "R-2"], receipt.Returns.Select(r => ((Returns.ReturnRecorded)r.Body).TransactionId));
        Assert.Null(await Store.GetTransactionAsync("T-404", CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_writers_lose_and_double_nothing_while_a_reader_follows_the_log()
    {
        const int writers = 8, salesPerWriter = 60;
        var recorded = new ConcurrentDictionary<string, long>();
        var seenByReader = new List<long>();
        using var writing = new CancellationTokenSource();

        var reader = Task.Run(async () =>
        {
            long after = 0;
            while (true)
            {
                var done = writing.IsCancellationRequested;
                var page = await Store.ReadEventsAsync(after, 50, CancellationToken.None);
                seenByReader.AddRange(page.Select(e => e.Seq));
                after = page.Count > 0 ? page[^1].Seq : after;
                if (done && page.Count == 0)
                {
                    return;
                }
            }
        });
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < salesPerWriter; i++)
            {
                var sku = TestCatalog.Skus[(w + i) % TestCatalog.Skus.Length];
                var sale = TestEvents.Event(TestEvents.Sale($"T-{w}-{i}", (sku, 1 + (i % 3), 10.00m)));
                var outcome = await Store.AppendAsync(sale, CancellationToken.None);
                var resent = await Store.AppendAsync(sale, CancellationToken.None); // a register that never saw the answer sends again
                Assert.Equal(AppendStatus.Accepted, outcome.Status);
                Assert.Equal((AppendStatus.Duplicate, outcome.Seq), (resent.Status, resent.Seq));
                Assert.True(recorded.TryAdd(sale.EventId, outcome.Seq!.Value));
            }
        })));
        await writing.CancelAsync();
        await reader;

        var log = await AllEventsAsync();
        Assert.Equal(writers * salesPerWriter, log.Count);
        Assert.Equal(recorded.Values.Order(), log.Select(e => e.Seq));
        Assert.Equal(log.Select(e => e.Seq), seenByReader); // in order, nothing skipped, nothing twice
        var unitsBySku = Enumerable.Range(0, writers).SelectMany(w => Enumerable.Range(0, salesPerWriter).Select(i => (w, i)))
            .GroupBy(x => TestCatalog.Skus[(x.w + x.i) % TestCatalog.Skus.Length], x => 1 + (x.i % 3));
        foreach (var sku in unitsBySku)
        {
            Assert.Equal(-sku.Sum(), (await Store.GetStockAsync(sku.Key, TestCatalog.StoreId, CancellationToken.None)).OnHand);
        }
    }

    [Fact]
    public async Task A_till_shift_is_recorded_event_by_event_with_its_amounts()
    {
        (DeviceEventKind Kind, decimal? Amount)[] shift =
        [
            (DeviceEventKind.SignIn, null), (DeviceEventKind.TillOpen, 150.00m), (DeviceEventKind.NoSale, null),
            (DeviceEventKind.TillDrop, 500.00m), (DeviceEventKind.TillPaidOut, 12.50m), (DeviceEventKind.TillCount, 390.25m),
            (DeviceEventKind.TillClose, 390.25m), (DeviceEventKind.SignOut, null),
        ];
        foreach (var (kind, amount) in shift)
        {
            await AppendAcceptedAsync(new DeviceEventRecorded(kind, TestCatalog.EmployeeId, Amount: amount));
        }

        var recorded = (await AllBodiesAsync()).Cast<DeviceEventRecorded>().Select(d => (d.Kind, d.Amount));
        Assert.Equal(shift, recorded);
    }

    [Fact]
    public async Task A_store_reopened_after_close_keeps_every_acknowledged_event()
    {
        var seqs = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            seqs.Add(await AppendAcceptedAsync(new SaleRecorded($"T-{i}", "USD",
                [new SaleLine(1, "SKU-3", 1, 9.99m)], [new Tender(1, TenderKind.Cash, 10.00m)], ChangeGiven: 0.01m)));
        }

        await CloseStoreAsync();
        await using var reopened = await Backend.OpenAsync();

        var events = await reopened.ReadEventsAsync(0, 100, CancellationToken.None);
        Assert.Equal(seqs, events.Select(e => e.Seq));
        Assert.Equal(-5, (await reopened.GetStockAsync("SKU-3", TestCatalog.StoreId, CancellationToken.None)).OnHand);
    }

    [Fact]
    public async Task Closing_the_store_records_the_appends_still_waiting_first()
    {
        List<Task<AppendOutcome>> appends;
        Task closing;
        await using (await Backend.HoldWritesAsync())
        {
            appends = [.. Enumerable.Range(1, 5).Select(i => Store.AppendAsync(TestEvents.Event(TestEvents.Sale($"T-{i}", ("SKU-3", 1, 10.00m))), CancellationToken.None))];
            closing = CloseStoreAsync();
            Assert.False(closing.IsCompleted, "closing waits for the queued appends");
        }

        await closing;
        Assert.All(await Task.WhenAll(appends), outcome => Assert.Equal(AppendStatus.Accepted, outcome.Status));
        await using var reopened = await Backend.OpenAsync();
        Assert.Equal(5, (await reopened.ReadEventsAsync(0, 100, CancellationToken.None)).Count);
        Assert.Equal(-5, (await reopened.GetStockAsync("SKU-3", TestCatalog.StoreId, CancellationToken.None)).OnHand);
    }

    [Fact]
    public async Task A_store_whose_clock_is_stopped_still_answers_an_append_that_follows_a_burst()
    {
        await using var stopped = await Backend.OpenAsync(new StoppedClock(TestEvents.At));
        Task<AppendOutcome[]> burst;
        await using (await Backend.HoldWritesAsync())
        {
            // The first waits on the lock and the rest queue behind it: answered together, they are many the writer expects back.
            burst = Task.WhenAll(Enumerable.Range(1, 20)
                .Select(i => stopped.AppendAsync(TestEvents.Event(TestEvents.Sale($"T-{i}", ("SKU-1", 1, 10.00m))), CancellationToken.None)));
        }

        Assert.All(await burst, o => Assert.Equal(AppendStatus.Accepted, o.Status));
        var lone = stopped.AppendAsync(TestEvents.Event(TestEvents.Sale("T-21", ("SKU-1", 1, 10.00m))), CancellationToken.None);

        Assert.Equal(AppendStatus.Accepted, (await lone.WaitAsync(TimeSpan.FromSeconds(30))).Status);
        var log = await AllEventsAsync();
        Assert.Equal(21, log.Count);
        Assert.All(log, e => Assert.Equal(TestEvents.At, e.ReceivedAt));
    }

    [Fact]
    public async Task Catalog_changes_saved_between_appends_apply_to_the_very_next_append()
    {
        await AppendAcceptedAsync(TestEvents.Sale("T-1", ("SKU-1", 1, 10.00m)));

        await Store.SaveStoreAsync(new Store(TestCatalog.StoreId, "Fifth Avenue", "America/New_York", "CAD", "US-NY"), CancellationToken.None);
        await Store.SaveStoreAsync(new Store("NJ-02", "Newark", "America/New_York", "USD", "US-NJ"), CancellationToken.None);
        await Store.SaveDeviceAsync(new Device(TestCatalog.RegisterId, "NJ-02", DeviceKind.Register), CancellationToken.None);
        var outcome = await AppendAsync(TestEvents.Sale("T-2", ("SKU-1", 1, 10.00m)));

        Assert.Equal(AppendStatus.Rejected, outcome.Status);
        Assert.Contains(outcome.Errors, e => (e.Field, e.Rule) == ("body.currency", "currency") && e.Message.Contains("CAD", StringComparison.Ordinal));
        Assert.Contains(outcome.Errors, e => (e.Field, e.Rule) == ("deviceId", "reference"));

        await Store.SaveProductAsync(new Product("SKU-NEW", "Launched today", ["Home", "Kitchen"], 4.25m, 10.00m), CancellationToken.None);
        await Store.SaveDeviceAsync(new Device(TestCatalog.RegisterId, TestCatalog.StoreId, DeviceKind.Register), CancellationToken.None);
        await Store.SaveStoreAsync(new Store(TestCatalog.StoreId, "Fifth Avenue", "America/New_York", "USD", "US-NY"), CancellationToken.None);
        Assert.Equal(AppendStatus.Accepted, (await AppendAsync(TestEvents.Sale("T-3", ("SKU-NEW", 1, 10.00m)))).Status);
    }

    [Fact]
    public async Task A_replay_is_a_duplicate_even_when_the_catalog_has_changed_so_that_it_would_now_be_rejected()
    {
        const string secondRegister = "NY-01-REG-2";
        var ct = CancellationToken.None;
        await Store.SaveDeviceAsync(new Device(secondRegister, TestCatalog.StoreId, DeviceKind.Register), ct);
        var sale = TestEvents.Event(TestEvents.Sale("T-1", ("SKU-5", 1, 10.00m))) with { DeviceId = secondRegister };
        var recorded = await Store.AppendAsync(sale, ct);

        // The register moves to another store. Receipts there and here, recorded afterwards, make the writer know every
        // store, register and product the replay names as they are now.
        await Store.SaveStoreAsync(new Store("NJ-02", "Newark", "America/New_York", "USD", "US-NJ"), ct);
        await Store.SaveDeviceAsync(new Device(secondRegister, "NJ-02", DeviceKind.Register), ct);
        var receipt = TestEvents.Event(TestEvents.Move(MovementKind.Receipt, "SKU-5", 1, unitCost: 3.00m));
        Assert.Equal(AppendStatus.Accepted, (await Store.AppendAsync(receipt with { StoreId = "NJ-02", DeviceId = secondRegister }, ct)).Status);
        Assert.Equal(AppendStatus.Accepted, (await Store.AppendAsync(receipt with { EventId = TestEvents.NewId("evt") }, ct)).Status);
        var outcomes = await AppendTogetherAsync(sale, TestEvents.Event(TestEvents.Move(MovementKind.Receipt, "SKU-5", 5, unitCost: 3.00m)));

        Assert.Equal([AppendStatus.Duplicate, AppendStatus.Accepted], outcomes.Select(o => o.Status));
        Assert.Equal(recorded.Seq, outcomes[0].Seq);
    }

    [Fact]
    public async Task A_product_deleted_by_another_client_is_unknown_to_the_next_append()
    {
        await AppendAcceptedAsync(TestEvents.Sale("T-1", ("SKU-5", 1, 10.00m)));

        await Backend.ExecuteSqlAsync("DELETE FROM products WHERE sku = 'SKU-5'");
        var outcome = await AppendAsync(TestEvents.Sale("T-2", ("SKU-5", 1, 10.00m)));

        Assert.Equal(AppendStatus.Rejected, outcome.Status);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("reference", "product 'SKU-5' does not exist"), (error.Rule, error.Message));
    }

    [Theory]
    [InlineData("INSERT INTO stores VALUES ('X-1', 'Pop-up', 'UTC', 'USD', 'US-NY')",
        "UPDATE stores SET name = 'Kiosk' WHERE store_id = 'X-1'", "DELETE FROM stores WHERE store_id = 'X-1'")]
    [InlineData("INSERT INTO devices VALUES ('X-1', 'NY-01', 'register')",
        "UPDATE devices SET kind = 'kiosk' WHERE device_id = 'X-1'", "DELETE FROM devices WHERE device_id = 'X-1'")]
    [InlineData("INSERT INTO products VALUES ('X-1', 'Mug', '[\"Home\"]', '1.00', '2.00')",
        "UPDATE products SET name = 'Cup' WHERE sku = 'X-1'", "DELETE FROM products WHERE sku = 'X-1'")]
    [InlineData("INSERT INTO promotions VALUES ('X-1', 'Spring', '2026-03-01', '2026-03-31')",
        "UPDATE promotions SET name = 'Summer' WHERE promotion_id = 'X-1'", "DELETE FROM promotions WHERE promotion_id = 'X-1'")]
    [InlineData("INSERT INTO customers VALUES ('X-1', 'Ada', NULL, 'gold')",
        "UPDATE customers SET email = 'ada@example.com' WHERE customer_id = 'X-1'", "DELETE FROM customers WHERE customer_id = 'X-1'")]
    [InlineData("INSERT INTO employees VALUES ('X-1', 'NY-01', 'Alan', 'cashier')",
        "UPDATE employees SET role = 'manager' WHERE employee_id = 'X-1'", "DELETE FROM employees WHERE employee_id = 'X-1'")]
    public async Task Every_change_to_a_catalog_table_moves_the_catalog_version_the_writer_trusts(string insert, string update, string delete)
    {
        foreach (var change in new[] { insert, update, delete })
        {
            var before = Convert.ToInt64(await Backend.ExecuteSqlAsync("SELECT version FROM catalog_version"), CultureInfo.InvariantCulture);
            await Backend.ExecuteSqlAsync(change);
            var after = Convert.ToInt64(await Backend.ExecuteSqlAsync("SELECT version FROM catalog_version"), CultureInfo.InvariantCulture);
            Assert.True(after > before, $"'{change}' left the catalog version at {before}");
        }
    }
}
