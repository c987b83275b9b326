using System.Globalization;
using OmniPos.Core.Payments;
using OmniPos.Core.Returns;
using OmniPos.Core.Storage;
using OmniPos.Core.Tests.Support;

namespace OmniPos.Core.Tests.Storage;

/// <summary>
/// A return may arrive before the sale it names (a register's offline queue, a sale rung up at another store): it is
/// recorded, and counts against the sale once that arrives. Every engine enrolls unchanged.
/// </summary>
public abstract class AwaitedSaleConformanceTests : StoreTestBase
{
    [Fact]
    public async Task A_return_recorded_before_its_sale_is_linked_when_the_sale_arrives()
    {
        await AppendAcceptedAsync(TestEvents.Return("R-1", "T-9", ("SKU-1", 1, 10.00m)));
        var beforeTheSale = await Store.GetTransactionAsync("T-9", CancellationToken.None);

        await AppendAcceptedAsync(TestEvents.Sale("T-9", ("SKU-1", 3, 10.00m)));
        var receipt = await Store.GetTransactionAsync("T-9", CancellationToken.None);
        var tooMany = await AppendAsync(TestEvents.Return("R-2", "T-9", ("SKU-1", 3, 30.00m)));
        var tooMuch = await AppendAsync(new PaymentRefunded("T-9", 1, 20.01m, "goodwill"));

        Assert.Null(beforeTheSale);
        Assert.Equal(["R-1"], receipt!.Returns.Select(r => ((ReturnRecorded)r.Body).TransactionId));
        Assert.Contains(tooMany.Errors, e => e.Rule == "return_exceeds_sold" && e.Message.EndsWith("only 2 of the 3 sold on 'T-9' remain returnable", StringComparison.Ordinal));
        Assert.Contains("which paid 30.00 USD and has 20.00 USD left", Assert.Single(tooMuch.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(1 - 3, (await Store.GetStockAsync("SKU-1", TestCatalog.StoreId, CancellationToken.None)).OnHand);
        Assert.Equal(1L, Convert.ToInt64(await Backend.ExecuteSqlAsync("SELECT COUNT(*) FROM inventory_ledger WHERE kind = 'return_restock'"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Returns_awaiting_one_sale_all_count_against_it_and_payments_still_need_the_sale()
    {
        await AppendAcceptedAsync(TestEvents.Return("R-1", "T-9", ("SKU-1", 1, 10.00m)));
        await AppendAcceptedAsync(TestEvents.Return("R-2", "T-9", ("SKU-1", 1, 10.00m)));
        var captureFirst = await AppendAsync(new PaymentCaptured("T-9", 1, 10.00m));

        await AppendAcceptedAsync(TestEvents.Sale("T-9", ("SKU-1", 3, 10.00m)));
        var third = await AppendAsync(TestEvents.Return("R-3", "T-9", ("SKU-1", 1, 10.00m)));
        var fourth = await AppendAsync(TestEvents.Return("R-4", "T-9", ("SKU-1", 1, 10.00m)));

        Assert.Contains(captureFirst.Errors, e => e.Field == "body.transactionId" && e.Message == "sale 'T-9' does not exist");
        Assert.Equal((AppendStatus.Accepted, AppendStatus.Rejected), (third.Status, fourth.Status));
        Assert.Equal(3, (await Store.GetTransactionAsync("T-9", CancellationToken.None))!.Returns.Count);
    }

    [Fact]
    public async Task A_return_and_its_sale_recorded_in_one_group_are_linked_whichever_comes_first()
    {
        var outcomes = await AppendTogetherAsync(
            TestEvents.Event(TestEvents.Return("R-1", "T-9", ("SKU-1", 1, 10.00m))),
            TestEvents.Event(TestEvents.Sale("T-9", ("SKU-1", 2, 10.00m))),
            TestEvents.Event(new PaymentRefunded("T-9", 1, 10.01m, "goodwill")));

        Assert.Equal([AppendStatus.Accepted, AppendStatus.Accepted, AppendStatus.Rejected], outcomes.Select(o => o.Status));
        Assert.Contains("has 10.00 USD left", Assert.Single(outcomes[2].Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Returns_and_their_sale_recorded_at_the_same_moment_by_two_processes_are_always_linked()
    {
        const int pairs = 25;
        await using var otherProcess = await Backend.OpenAsync();

        for (var i = 0; i < pairs; i++)
        {
            // The first return makes the sale awaited; the second races the sale for its placeholder.
            await AppendAcceptedAsync(TestEvents.Return($"R-{i}-a", $"T-{i}", ("SKU-2", 1, 10.00m)));
            var ret = Store.AppendAsync(TestEvents.Event(TestEvents.Return($"R-{i}-b", $"T-{i}", ("SKU-2", 1, 10.00m))), CancellationToken.None);
            var sale = otherProcess.AppendAsync(TestEvents.Event(TestEvents.Sale($"T-{i}", ("SKU-2", 2, 10.00m))), CancellationToken.None);
            Assert.All(await Task.WhenAll(ret, sale), o => Assert.Equal(AppendStatus.Accepted, o.Status));
        }

        // Each sale's two units and its whole payment went back with its two returns, whichever transaction committed first.
        var refundsAfter = await Task.WhenAll(Enumerable.Range(0, pairs).Select(i => Store.AppendAsync(
            TestEvents.Event(new PaymentRefunded($"T-{i}", 1, 0.01m, "goodwill")), CancellationToken.None)));
        var returnsAfter = await Task.WhenAll(Enumerable.Range(0, pairs).Select(i => Store.AppendAsync(
            TestEvents.Event(TestEvents.Return($"R-{i}-c", $"T-{i}", ("SKU-2", 1, 10.00m)) with { Refunds = [new Refund(1, TenderKind.StoreCredit, 10.00m)] }),
            CancellationToken.None)));
        Assert.All(refundsAfter, o => Assert.Contains(o.Errors, e => e.Rule == "refund_exceeds_paid"));
        Assert.All(returnsAfter, o => Assert.Contains(o.Errors, e => e.Rule == "return_exceeds_sold"));
    }
}
