using OmniPos.Warehouse.Queries;
using OmniPos.Warehouse.Queries.Rows;
using OmniPos.Warehouse.Tests.Support;
using static OmniPos.Warehouse.Tests.Queries.SalesWeek;
using static OmniPos.Warehouse.Tests.Support.TestChain;

namespace OmniPos.Warehouse.Tests.Queries;

/// <summary>Every sales, cash, card and exception query over <see cref="SalesWeek"/>, against answers worked out by hand.</summary>
public sealed class SalesWeekQueryTests() : WarehouseTestBase(new SqliteEngine())
{
    private static readonly QueryFilter Week = new(Monday, Thursday);

    [Fact]
    public async Task Sales_by_channel_and_day_count_each_sale_on_its_stores_local_day_and_leave_gift_cards_out()
    {
        await LandWeekAsync();

        var rows = Warehouse.Query(AnalyticQueries.SalesByChannelDay, Week);

        // Monday in store: S1 18 + 20, S2 36 (23:30 in New York), S3 10 + 36 (22:00 in Los Angeles) = 120.00 net of 6.00
        // discounts; tax 1.44 + 1.60 + 0.95; 9 units. Tuesday: S5 10.00 in store; S4's tee on the web (its gift card is not a sale).
        Assert.Equal(
            [
                new ChannelDaySales(Monday, "store", 120.00m, 6.00m, 3.99m, 3, 9),
                new ChannelDaySales(Tuesday, "store", 10.00m, 0m, 0m, 1, 1),
                new ChannelDaySales(Tuesday, "web", 20.00m, 0m, 0m, 1, 1),
            ],
            rows);
        Assert.Equal((40.00m, 3.00m), (rows[0].Aov, rows[0].Upt));
    }

    [Fact]
    public async Task Sales_by_channel_and_day_keep_only_the_stores_channels_and_categories_asked_for()
    {
        await LandWeekAsync();

        Assert.Equal([new ChannelDaySales(Monday, "store", 46.00m, 4.00m, 0.95m, 1, 3)],
            Warehouse.Query(AnalyticQueries.SalesByChannelDay, Week with { Stores = [LosAngeles] }));
        Assert.Equal([new ChannelDaySales(Tuesday, "web", 20.00m, 0m, 0m, 1, 1)],
            Warehouse.Query(AnalyticQueries.SalesByChannelDay, Week with { Channels = ["web"] }));
        // Apparel on Monday: S1's tee 20, S2's caps 36, S3's tees 36; S1's discount was on its mug.
        Assert.Equal([new ChannelDaySales(Monday, "store", 92.00m, 4.00m, 1.60m, 3, 6)],
            Warehouse.Query(AnalyticQueries.SalesByChannelDay, new QueryFilter(Monday, Monday, Categories: ["Apparel"])));
    }

    [Fact]
    public async Task Margin_by_category_takes_returns_back_in_the_period_of_their_sale()
    {
        await LandWeekAsync();

        var rows = Warehouse.Query(AnalyticQueries.MarginByCategory, Week);

        // Apparel: tees 20 + 36 + 20 and caps 36 = 112, at cost 6 + 12 + 6 + 9 = 33. Back: S4's tee at its net 20.00 (cost 6)
        // and R2's cap without receipt at its refund 12.00 (cost 3). Home: mugs 18 + 10 + 10 = 38 at cost 16; back: one of
        // S1's two mugs at half their 18.00 net (cost 4). The gift card is not a sale.
        Assert.Equal([new CategoryMargin("Apparel", 112.00m, 33.00m, 32.00m, 9.00m), new CategoryMargin("Home", 38.00m, 16.00m, 9.00m, 4.00m)], rows);
        Assert.Equal((79.00m, 70.54m, 56.00m), (rows[0].GrossMargin, rows[0].GrossMarginPercent, rows[0].MarginAfterReturns));
        Assert.Equal((22.00m, 57.89m, 17.00m), (rows[1].GrossMargin, rows[1].GrossMarginPercent, rows[1].MarginAfterReturns));
    }

    [Fact]
    public async Task A_return_counts_against_the_day_of_its_sale_not_its_own()
    {
        await LandWeekAsync();

        // Tuesday's sales are S4's tee and S5's mug; R3 (Thursday) returns S4's tee and R2 (Tuesday, no receipt) is a cap.
        Assert.Equal([new CategoryMargin("Apparel", 20.00m, 6.00m, 32.00m, 9.00m), new CategoryMargin("Home", 10.00m, 4.00m, 0m, 0m)],
            Warehouse.Query(AnalyticQueries.MarginByCategory, new QueryFilter(Tuesday, Tuesday)));
        // Wednesday and Thursday sold nothing; their returns belong to Monday and Tuesday.
        Assert.Empty(Warehouse.Query(AnalyticQueries.MarginByCategory, new QueryFilter(Wednesday, Thursday)));
    }

    [Fact]
    public async Task Return_rate_values_a_returned_unit_at_the_gross_price_of_its_sale()
    {
        await LandWeekAsync();

        var rows = Warehouse.Query(AnalyticQueries.ReturnRate, Week);

        // Store sold 10 units for 136.00 gross (40 + 36 + 50 + 10); one of S1's mugs back at 20.00 ÷ 2, R2's cap at its
        // 12.00 refund. The web sold one tee (20.00; the gift card is not a sale) and got it back.
        Assert.Equal(
            [
                new ReturnRate("store", "changed mind", 1, 10.00m, 10, 136.00m),
                new ReturnRate("store", "no receipt", 1, 12.00m, 10, 136.00m),
                new ReturnRate("web", "wrong size", 1, 20.00m, 1, 20.00m),
            ],
            rows);
        Assert.Equal([(10.00m, 7.35m), (10.00m, 8.82m), (100.00m, 100.00m)], rows.Select(r => (r.UnitRatePercent, r.ValueRatePercent)));
    }

    [Fact]
    public async Task Promotion_sales_sum_the_lines_the_promotion_discounted()
    {
        await LandWeekAsync();

        var row = Assert.Single(Warehouse.Query(AnalyticQueries.PromotionSales, Week));

        // S1's mugs (2 × 10.00 less 2.00, cost 8) and S3's tees (2 × 20.00 less 4.00, cost 12).
        Assert.Equal(new PromotionSales(Promotion, "Fall ten off", new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 30), 2, 4, 60.00m, 6.00m, 54.00m, 20.00m), row);
        Assert.Equal(34.00m, row.Margin);
        Assert.Empty(Warehouse.Query(AnalyticQueries.PromotionSales, Week with { Categories = ["Home"], Stores = [LosAngeles] }));
    }

    [Fact]
    public async Task Sales_by_country_and_month_group_orders_by_the_country_they_state()
    {
        await LandWeekAsync();

        var november = new DateOnly(2026, 11, 1);
        // Orders stating no country: S1 38, S2 36, S3 46, S5 10; R1's mug (9.72) and R2's cap (12.00) back. GB: S4's tee
        // (its gift card is not a sale), and R3 returning it.
        Assert.Equal(
            [new CountryMonthSales(november, "", 130.00m, 10, 4, 2, 21.72m), new CountryMonthSales(november, "GB", 20.00m, 1, 1, 1, 20.00m)],
            Warehouse.Query(AnalyticQueries.SalesByCountryMonth, new QueryFilter(november, new DateOnly(2026, 11, 30))));
    }

    [Fact]
    public async Task Sales_by_product_count_returns_on_their_own_day()
    {
        await LandWeekAsync();

        Assert.Equal(
            [
                new ProductSales(Cap, "Cap", "Apparel", 3, 36.00m, 1, 12.00m),
                new ProductSales(GiftCard, "Gift card 50", "Gift cards", 1, 50.00m, 0, 0m),
                new ProductSales(Mug, "Mug", "Home", 4, 38.00m, 1, 9.72m),
                new ProductSales(Tee, "Tee", "Apparel", 4, 76.00m, 1, 20.00m),
            ],
            Warehouse.Query(AnalyticQueries.SalesByProduct, Week));
        // Through Tuesday, R1 (Wednesday) and R3 (Thursday) are not yet returns.
        Assert.Equal(
            [new ProductSales(Mug, "Mug", "Home", 4, 38.00m, 0, 0m), new ProductSales(Tee, "Tee", "Apparel", 4, 76.00m, 0, 0m)],
            Warehouse.Query(AnalyticQueries.SalesByProduct, new QueryFilter(Monday, Tuesday, Categories: ["Home", "Apparel"]))
                .Where(r => r.Sku is Mug or Tee));
    }

    [Fact]
    public async Task Tax_by_jurisdiction_sums_each_stores_lines_per_day()
    {
        await LandWeekAsync();

        Assert.Equal(
            [new JurisdictionTax(LosAngeles, Monday, "US-CA", 0.95m, 1), new JurisdictionTax(NewYork, Monday, "US-NY", 3.04m, 1)],
            Warehouse.Query(AnalyticQueries.TaxByJurisdiction, Week));
    }

    [Fact]
    public async Task Card_captures_list_every_tender_and_settlement_that_do_not_match()
    {
        await LandWeekAsync();

        var rows = Warehouse.Query(AnalyticQueries.CardCaptures, Week);

        Assert.Equal(
            [
                new CardCapture(LosAngeles, Monday, "S3", 1, "card_present", "tok_S3", "AUTH-S3", 46.95m, Tuesday, 46.00m, 0.90m),
                new CardCapture(NewYork, Monday, "S2", 1, "card_present", "tok_S2", "AUTH-S2", 36.00m, Tuesday, 36.00m, 0.72m),
                new CardCapture(NewYork, Tuesday, "S4", 1, "card_not_present", "tok_S4", "AUTH-S4", 70.00m, null, null, null),
                new CardCapture(NewYork, Tuesday, null, null, null, "tok_X", "AUTH-X", null, Tuesday, 25.00m, 0.50m),
            ],
            rows);
        Assert.Equal(["amount_differs", "matched", "not_settled", "not_captured"], rows.Select(r => r.Status));
    }

    [Fact]
    public async Task Tender_reconciliation_totals_each_store_and_day_with_its_unmatched_count()
    {
        await LandWeekAsync();

        var rows = Warehouse.Query(AnalyticQueries.TenderReconciliation, Week);

        Assert.Equal(
            [
                new TenderReconciliation(LosAngeles, Monday, 1, 46.95m, 46.00m, 0.90m, 1),
                new TenderReconciliation(NewYork, Monday, 1, 36.00m, 36.00m, 0.72m, 0),
                new TenderReconciliation(NewYork, Tuesday, 1, 70.00m, 25.00m, 0.50m, 2),
            ],
            rows);
        Assert.Equal(-0.95m, rows[0].Difference);
    }

    [Fact]
    public async Task Till_shifts_balance_cash_from_open_to_close()
    {
        await LandWeekAsync();

        var rows = Warehouse.Query(AnalyticQueries.TillShifts, Week);

        // Monday: 200.00 + 50.00 cash − 8.96 change + 5.00 in − 15.00 out − 100.00 dropped = 131.04 expected, 130.00
        // counted. Wednesday: opened with 129.00 (1.00 less than Monday's close), R1 refunded 9.72 in cash, 120.00 counted.
        // S5 (Tuesday) was rung with no till open and belongs to no shift.
        var monday = new DateTime(2026, 11, 16, 13, 0, 0, DateTimeKind.Utc);
        var wednesday = monday.AddDays(2);
        Assert.Equal(
            [
                new TillShift(NewYork, NewYorkRegister, Monday, monday, monday.AddHours(13), NewYorkCashier, 200.00m, 50.00m, 8.96m, 0m, 5.00m,
                    15.00m, 100.00m, 130.00m, null),
                new TillShift(NewYork, NewYorkRegister, Wednesday, wednesday, wednesday.AddHours(12), NewYorkCashier, 129.00m, 0m, 0m, 9.72m, 0m,
                    0m, 0m, 120.00m, 130.00m),
            ],
            rows);
        Assert.Equal([(131.04m, -1.04m, (decimal?)null), (119.28m, 0.72m, -1.00m)], rows.Select(r => (r.Expected, r.OverShort, r.OpeningDifference)));
    }

    [Fact]
    public async Task Device_exceptions_count_each_cashiers_voids_overrides_and_returns_without_receipt()
    {
        await LandWeekAsync();

        Assert.Equal(
            [
                new EmployeeExceptions(LosAngeles, LosAngelesCashier, 0, 0, 0, 0, 1, 1, 12.00m),
                new EmployeeExceptions(NewYork, NewYorkCashier, 1, 1, 2, 1, 0, 0, 0m),
            ],
            Warehouse.Query(AnalyticQueries.DeviceExceptions, Week));
        Assert.Equal([NewYorkCashier], Warehouse.Query(AnalyticQueries.DeviceExceptions, Week with { Stores = [NewYork] }).Select(r => r.EmployeeId));
    }

    [Fact]
    public async Task A_sales_total_is_its_lines_net_of_discounts_with_tax_and_a_returns_its_refunds()
    {
        await LandWeekAsync();

        // S1: mugs 20.00 − 2.00 + 1.44 tax and a tee 20.00 + 1.60; S3: a mug 10.00 + 0.95 and tees 40.00 − 4.00; R1 refunds 9.72.
        Assert.Equal([("R1", 9.72m), ("S1", 41.04m), ("S3", 46.95m)],
            Sql("SELECT transaction_id, total FROM fact_transactions WHERE transaction_id IN ('S1', 'S3', 'R1') ORDER BY 1",
                r => (r.GetString(0), r.GetDecimal(1))));
    }

    private async Task LandWeekAsync()
    {
        await AppendAsync([.. Events()]);
        await Store.Importing.AddSettlementsAsync(Settlements(), CancellationToken.None);
        await Warehouse.LandAsync(Store);
    }
}
