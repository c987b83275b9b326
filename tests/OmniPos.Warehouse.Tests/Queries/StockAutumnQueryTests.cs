using OmniPos.Warehouse.Queries;
using OmniPos.Warehouse.Queries.Rows;
using OmniPos.Warehouse.Tests.Support;
using static OmniPos.Warehouse.Tests.Queries.StockAutumn;
using static OmniPos.Warehouse.Tests.Support.TestChain;

namespace OmniPos.Warehouse.Tests.Queries;

/// <summary>Aging, days of supply and sell-through over <see cref="StockAutumn"/>, against answers worked out by hand.</summary>
public sealed class StockAutumnQueryTests() : WarehouseTestBase(new SqliteEngine())
{
    private static readonly QueryFilter Week = new(WeekStart, WeekStart.AddDays(6));

    [Fact]
    public async Task Aging_consumes_the_oldest_lots_first_and_values_what_is_left_at_its_lots_cost()
    {
        await LandAutumnAsync();

        // NY mugs: 13 units went out (6 + 6 sold, 1 counted missing), taking August's 10 and 3 of October's. Left: 7 at 3.50
        // (26 days old), the restocked return at 4.00 (2 days) and 6 at 4.00 (1 day). NY apparel: the cap lot of 11-15 keeps
        // 2 of its 4 at 2.50; of the tees, the sale took the older lot's first unit: 1 at 5.50 is 415 days old, 4 at 5.00 are
        // 172. LA: 4 mugs at 3.80.
        Assert.Equal(
            [
                new AgingBucket(LosAngeles, "Home", "0-30", 4, 15.20m),
                new AgingBucket(NewYork, "Apparel", "0-30", 2, 5.00m),
                new AgingBucket(NewYork, "Apparel", "91-180", 4, 20.00m),
                new AgingBucket(NewYork, "Apparel", "365+", 1, 5.50m),
                new AgingBucket(NewYork, "Home", "0-30", 14, 52.50m),
            ],
            Warehouse.Query(AnalyticQueries.InventoryAging, new QueryFilter(AsOf, AsOf)));
    }

    [Fact]
    public async Task Aging_as_of_an_earlier_day_sees_only_what_had_happened_by_then()
    {
        await LandAutumnAsync();

        // By 10-31 only the first 6 mugs were sold: 4 of August's lot are 91 days old, October's 10 are 6.
        Assert.Equal(
            [new AgingBucket(NewYork, "Home", "0-30", 10, 35.00m), new AgingBucket(NewYork, "Home", "91-180", 4, 12.00m)],
            Warehouse.Query(AnalyticQueries.InventoryAging, new QueryFilter(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), Categories: ["Home"])));
    }

    [Fact]
    public async Task Days_of_supply_divide_by_the_days_in_stock_so_a_stockout_does_not_dilute_demand()
    {
        await LandAutumnAsync();

        var rows = Warehouse.Query(AnalyticQueries.DaysOfSupply, new QueryFilter(AsOf, AsOf));

        // Over 10-24..11-20: caps were out of stock 10-24..10-29 and 11-06..11-14, so 13 days in stock for 5 sold; mugs and
        // tees were in stock all 28; LA's mugs from their receipt on 11-16, 5 days.
        Assert.Equal(
            [
                new DaysOfSupply(LosAngeles, Mug, "Home", 4, 1, 5),
                new DaysOfSupply(NewYork, Cap, "Apparel", 2, 5, 13),
                new DaysOfSupply(NewYork, Mug, "Home", 14, 12, 28),
                new DaysOfSupply(NewYork, Tee, "Apparel", 5, 1, 28),
            ],
            rows);
        Assert.Equal([(0.2000m, 20.0m), (0.3846m, 5.2m), (0.4286m, 32.7m), (0.0357m, 140.0m)], rows.Select(r => (r.DailyDemand, r.Days)));
        Assert.Equal([Cap, Tee], Warehouse.Query(AnalyticQueries.DaysOfSupply, new QueryFilter(AsOf, AsOf, [NewYork], Categories: ["Apparel"])).Select(r => r.Sku));
    }

    [Fact]
    public async Task Sell_through_per_sku_takes_the_weeks_opening_stock_and_receipts()
    {
        await LandAutumnAsync();

        // NY mugs: 14 on hand on Monday morning, 6 received, 6 sold and 1 returned, 14 left after Friday's count: 5 ÷ 20.
        Assert.Equal(
            [
                new SellThrough(WeekStart, LosAngeles, "Home", Mug, 0, 5, 1, 0, 4, SellThroughVariant.Period),
                new SellThrough(WeekStart, NewYork, "Apparel", Cap, 4, 0, 2, 0, 2, SellThroughVariant.Period),
                new SellThrough(WeekStart, NewYork, "Home", Mug, 14, 6, 6, 1, 14, SellThroughVariant.Period),
                new SellThrough(WeekStart, NewYork, "Apparel", Tee, 6, 0, 1, 0, 5, SellThroughVariant.Period),
            ],
            Warehouse.Query(AnalyticQueries.SellThrough, Week));
        Assert.Equal([20.00m, 50.00m, 25.00m, 16.67m], Warehouse.Query(AnalyticQueries.SellThrough, Week).Select(r => r.Percent));
    }

    [Fact]
    public async Task Sell_through_variants_divide_by_receipts_or_by_what_was_left()
    {
        await LandAutumnAsync();

        Assert.Equal([20.00m, null, 83.33m, null],
            Warehouse.Query(AnalyticQueries.SellThrough, Week with { Variant = SellThroughVariant.Received }).Select(r => r.Percent));
        Assert.Equal([20.00m, 50.00m, 26.32m, 16.67m],
            Warehouse.Query(AnalyticQueries.SellThrough, Week with { Variant = SellThroughVariant.OnHand }).Select(r => r.Percent));
    }

    [Fact]
    public async Task Sell_through_per_category_and_per_store_sums_the_skus_before_dividing()
    {
        await LandAutumnAsync();

        var categories = Warehouse.Query(AnalyticQueries.SellThrough, Week with { Level = SellThroughLevel.Category });
        Assert.Equal(
            [
                new SellThrough(WeekStart, LosAngeles, "Home", null, 0, 5, 1, 0, 4, SellThroughVariant.Period),
                new SellThrough(WeekStart, NewYork, "Apparel", null, 10, 0, 3, 0, 7, SellThroughVariant.Period),
                new SellThrough(WeekStart, NewYork, "Home", null, 14, 6, 6, 1, 14, SellThroughVariant.Period),
            ],
            categories);
        Assert.Equal(30.00m, categories[1].Percent);

        var stores = Warehouse.Query(AnalyticQueries.SellThrough, Week with { Level = SellThroughLevel.Store, Stores = [NewYork] });
        var store = Assert.Single(stores);
        Assert.Equal(new SellThrough(WeekStart, NewYork, null, null, 24, 6, 9, 1, 21, SellThroughVariant.Period), store);
        Assert.Equal(26.67m, store.Percent);
    }

    [Fact]
    public async Task The_daily_snapshot_has_every_day_of_every_sku_and_location_at_its_closing_level()
    {
        await LandAutumnAsync();

        // NY caps: 3 from 10-30, sold out on 11-05, 4 again on 11-15, 2 left after Monday 11-16, through 11-20 (the last day
        // any stock moved).
        var caps = Sql($"SELECT business_date, on_hand FROM daily_inventory_snapshots WHERE sku = '{Cap}' AND location = '{NewYork}' ORDER BY 1",
            r => (r.GetDate(0), r.GetInt64(1)));
        var day = new DateOnly(2026, 10, 30);
        Assert.Equal(
            Enumerable.Range(0, 22).Select(i => day.AddDays(i)).Select(d => (d, d < new DateOnly(2026, 11, 5) ? 3L : d < new DateOnly(2026, 11, 15) ? 0L : d == new DateOnly(2026, 11, 15) ? 4L : 2L)),
            caps);
        Assert.Equal([(18L, 1L)], Sql($"SELECT count(*), count(DISTINCT on_hand) FROM daily_inventory_snapshots WHERE sku = '{Mug}' AND location = '{NewYork}' AND business_date BETWEEN DATE '2026-10-28' AND DATE '2026-11-14'",
            r => (r.GetInt64(0), r.GetInt64(1))));
    }

    private async Task LandAutumnAsync()
    {
        await AppendAsync([.. Events()]);
        await Warehouse.LandAsync(Store);
    }
}
