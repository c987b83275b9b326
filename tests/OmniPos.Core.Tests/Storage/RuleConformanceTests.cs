using OmniPos.Core.Devices;
using OmniPos.Core.Payments;
using OmniPos.Core.Sales;
using OmniPos.Core.Storage;
using OmniPos.Core.Tests.Support;

namespace OmniPos.Core.Tests.Storage;

/// <summary>Every rule refuses with the field and reason, and a refused event leaves nothing behind. Every engine enrolls unchanged.</summary>
public abstract class RuleConformanceTests : StoreTestBase
{
    public static TheoryData<string> RuleNames => [.. RuleCases.All.Keys];

    [Theory]
    [MemberData(nameof(RuleNames))]
    public async Task A_broken_rule_is_refused_naming_field_and_reason_and_nothing_is_stored(string ruleName)
    {
        var rule = RuleCases.All[ruleName];
        foreach (var body in rule.Before)
        {
            await AppendAcceptedAsync(body);
        }

        var logBefore = await AllEventsAsync();
        var stockBefore = await Store.GetStockAsync("SKU-1", TestCatalog.StoreId, CancellationToken.None);

        var outcome = await Store.AppendAsync(rule.Offending, CancellationToken.None);

        Assert.Equal(AppendStatus.Rejected, outcome.Status);
        Assert.Null(outcome.Seq);
        var error = Assert.Single(outcome.Errors, e => e.Field == rule.Field && e.Rule == rule.Rule);
        Assert.Contains(rule.MessageFragment, error.Message, StringComparison.Ordinal);
        Assert.Equal(logBefore.Select(e => e.Seq), (await AllEventsAsync()).Select(e => e.Seq));
        Assert.Equal(stockBefore, await Store.GetStockAsync("SKU-1", TestCatalog.StoreId, CancellationToken.None));
    }

    [Fact]
    public async Task Partial_returns_are_limited_to_what_remains_unreturned_on_the_sale()
    {
        await AppendAcceptedAsync(TestEvents.Sale("T-1", ("SKU-1", 5, 10.00m)));
        await AppendAcceptedAsync(TestEvents.Return("R-1", "T-1", ("SKU-1", 2, 20.00m)));
        await AppendAcceptedAsync(TestEvents.Return("R-2", "T-1", ("SKU-1", 2, 20.00m)));

        var third = await AppendAsync(TestEvents.Return("R-3", "T-1", ("SKU-1", 2, 20.00m)));
        var split = await AppendAsync(TestEvents.Return("R-4", "T-1", ("SKU-1", 1, 10.00m), ("SKU-1", 1, 10.00m))
            with { Refunds = [new Returns.Refund(1, TenderKind.StoreCredit, 20.00m)] });
        await AppendAcceptedAsync(TestEvents.Return("R-5", "T-1", ("SKU-1", 1, 10.00m)));
        var afterAll = await AppendAsync(TestEvents.Return("R-6", "T-1", ("SKU-1", 1, 10.00m)));

        Assert.Equal("only 1 of the 5 sold on 'T-1' remain returnable", Tail(ExceedsSold(third).Message));
        Assert.Equal("body.lines[1].quantity", ExceedsSold(split).Field);
        Assert.Equal("only 0 of the 5 sold on 'T-1' remain returnable", Tail(ExceedsSold(afterAll).Message));
        Assert.Equal(-5 + 2 + 2 + 1, (await Store.GetStockAsync("SKU-1", TestCatalog.StoreId, CancellationToken.None)).OnHand);

        static string Tail(string message) => message[message.IndexOf("only", StringComparison.Ordinal)..];
        static OmniPos.Core.Validation.ValidationError ExceedsSold(AppendOutcome o) => Assert.Single(o.Errors, e => e.Rule == "return_exceeds_sold");
    }

    [Fact]
    public async Task Refunds_to_a_tender_never_exceed_what_it_paid_across_returns_and_payment_refunds()
    {
        // 5 × 10.00 = 50.00, paid 30.00 by card and 25.00 cash with 5.00 change: the cash tender paid 20.00.
        await AppendAcceptedAsync(new SaleRecorded("T-1", "USD", [new SaleLine(1, "SKU-2", 5, 10.00m)],
            [new Tender(1, TenderKind.CardPresent, 30.00m, TestEvents.Card()), new Tender(2, TenderKind.Cash, 25.00m)], ChangeGiven: 5.00m));
        await AppendAcceptedAsync(new PaymentRefunded("T-1", 1, 25.00m, "price match"));
        var cashTooMuch = await AppendAsync(new PaymentRefunded("T-1", 2, 20.01m, "goodwill"));
        var cardTooMuch = await AppendAsync(TestEvents.Return("R-1", "T-1", ("SKU-2", 1, 10.00m)));
        await AppendAcceptedAsync(TestEvents.Return("R-2", "T-1", ("SKU-2", 1, 5.00m)));
        var cardExhausted = await AppendAsync(new PaymentRefunded("T-1", 1, 0.01m, "goodwill"));

        Assert.Contains("which paid 20.00 USD and has 20.00 USD left", Assert.Single(cashTooMuch.Errors).Message, StringComparison.Ordinal);
        Assert.Contains("which paid 30.00 USD and has 5.00 USD left", Assert.Single(cardTooMuch.Errors).Message, StringComparison.Ordinal);
        Assert.Contains("has 0.00 USD left", Assert.Single(cardExhausted.Errors).Message, StringComparison.Ordinal);
        Assert.All([cashTooMuch, cardTooMuch, cardExhausted], o => Assert.Equal("refund_exceeds_paid", o.Errors[0].Rule));
    }

    [Theory]
    [InlineData("4111111111111111", "card token")]
    [InlineData("4111 1111 1111 1111", "tender reference")]
    [InlineData("5500-0000-0000-0004", "device event reason")]
    public async Task A_card_number_is_refused_and_is_found_in_no_database_file_or_log(string pan, string where)
    {
        var body = where switch
        {
            "card token" => TestEvents.Sale("T-1", ("SKU-1", 1, 10.00m)) with { Tenders = [new Tender(1, TenderKind.CardPresent, 10.00m, TestEvents.Card() with { Token = pan })] },
            "tender reference" => TestEvents.Sale("T-1", ("SKU-1", 1, 10.00m)) with { Tenders = [new Tender(1, TenderKind.GiftCard, 10.00m, Reference: pan)] },
            _ => (OmniPos.Core.Events.EventBody)new DeviceEventRecorded(DeviceEventKind.NoSale, Reason: $"customer read out {pan}"),
        };

        var outcome = await AppendAsync(body);

        Assert.Equal(AppendStatus.Rejected, outcome.Status);
        Assert.Equal("card_number", Assert.Single(outcome.Errors).Rule);
        Assert.DoesNotContain(pan, outcome.Errors[0].Message, StringComparison.Ordinal);
        Assert.Empty(await AllEventsAsync());
        var digits = new string([.. pan.Where(char.IsAsciiDigit)]);
        Assert.Empty(await Backend.DataFilesHoldingAsync(digits, pan));

        Assert.DoesNotContain(Backend.Logs.Lines, line => line.Contains(digits, StringComparison.Ordinal) || line.Contains(pan, StringComparison.Ordinal));
    }
}
