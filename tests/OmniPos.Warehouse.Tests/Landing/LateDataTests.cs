using OmniPos.Core.Payments;
using OmniPos.Warehouse.Lake;
using OmniPos.Warehouse.Queries;
using OmniPos.Warehouse.Queries.Rows;
using OmniPos.Warehouse.Tests.Queries;
using OmniPos.Warehouse.Tests.Support;
using static OmniPos.Warehouse.Tests.Support.TestChain;

namespace OmniPos.Warehouse.Tests.Landing;

/// <summary>Events that arrive after their business day was landed: an offline register's queue, a return of an old sale.</summary>
public sealed class LateDataTests() : WarehouseTestBase(new SqliteEngine())
{
    private static readonly DateTime Monday = SalesWeek.Monday.ToDateTime(TimeOnly.MinValue);

    [Fact]
    public async Task A_late_sale_lands_in_its_business_dates_partition_and_its_day_is_summed_again()
    {
        await AppendAsync([.. SalesWeek.Events()]);
        await Warehouse.LandAsync(Store);
        var untouched = MartRowIds("business_date <> DATE '2026-11-16'");

        // The LA register was offline on Monday afternoon and uploads its sale on Friday.
        await AppendAsync(At(LosAngelesRegister, Monday.AddHours(16), Sale("S9", TenderKind.Cash, (Cap, 2, 12.00m))));
        var report = await Warehouse.LandAsync(Store);

        Assert.Equal(1, report.Events);
        Assert.Equal(
            [new ChannelDaySales(SalesWeek.Monday, "store", 144.00m, 6.00m, 3.99m, 4, 11)],
            Warehouse.Query(AnalyticQueries.SalesByChannelDay, new QueryFilter(SalesWeek.Monday, SalesWeek.Monday)));
        Assert.Equal(2, Sql($"SELECT count(*) FROM lake_manifest WHERE lake_table = 'fact_sale_lines' AND business_date = DATE '2026-11-16'", r => r.GetInt64(0)).Single());
        Assert.Equal(untouched, MartRowIds("business_date <> DATE '2026-11-16'"));
        AssertMartsAgreeWithFacts();
    }

    [Fact]
    public async Task A_late_stock_movement_rebuilds_the_levels_of_that_sku_and_location_from_its_day_on()
    {
        await AppendAsync([.. StockAutumn.Events()]);
        await Warehouse.LandAsync(Store);
        var otherSkus = InventoryRowIds($"NOT (sku = '{Mug}' AND location = '{NewYork}')");
        var mugsBefore = InventoryRowIds($"sku = '{Mug}' AND location = '{NewYork}' AND business_date < DATE '2026-10-28'");

        // A receipt of 10-28 that was keyed in on 11-21: every NY mug level from 10-28 on is 4 higher.
        await AppendAsync(At(NewYorkRegister, new DateTime(2026, 10, 28, 9, 0, 0),
            new Core.Inventory.InventoryMoved(Core.Inventory.MovementKind.Receipt, Mug, 4, UnitCost: 3.50m)));
        await Warehouse.LandAsync(Store);

        var days = Warehouse.Query(AnalyticQueries.DaysOfSupply, new QueryFilter(StockAutumn.AsOf, StockAutumn.AsOf, [NewYork]));
        Assert.Equal(18, days.Single(d => d.Sku == Mug).OnHand);
        Assert.Equal(otherSkus, InventoryRowIds($"NOT (sku = '{Mug}' AND location = '{NewYork}')"));
        Assert.Equal(mugsBefore, InventoryRowIds($"sku = '{Mug}' AND location = '{NewYork}' AND business_date < DATE '2026-10-28'"));
        AssertMartsAgreeWithFacts();
    }

    [Fact]
    public async Task A_return_of_an_old_sale_lands_on_its_own_day_and_counts_against_the_sale()
    {
        await AppendAsync([.. SalesWeek.Events()]);
        await Warehouse.LandAsync(Store);

        await AppendAsync(At(NewYorkRegister, Monday.AddDays(30).AddHours(11), Return("R9", "S2", TenderKind.CardPresent, "faulty", (Cap, 1, 12.00m))));
        await Warehouse.LandAsync(Store);

        Assert.Contains(new ReturnRate("store", "faulty", 1, 12.00m, 10, 136.00m),
            Warehouse.Query(AnalyticQueries.ReturnRate, new QueryFilter(SalesWeek.Monday, SalesWeek.Thursday)));
        Assert.Equal([("2026-12-16", 1L)],
            Sql($"SELECT business_date::VARCHAR, count(*) FROM read_parquet({LakeGlob("fact_return_lines")}) WHERE transaction_id = 'R9' GROUP BY 1", r => (r.GetString(0), r.GetInt64(1))));
        AssertMartsAgreeWithFacts();
    }

    [Fact]
    public async Task A_return_landed_before_its_sale_counts_against_the_sale_once_the_sale_lands()
    {
        // An offline register's Monday sale reaches the store after its return of Wednesday, which lands on its own.
        await AppendAsync(At(NewYorkRegister, Monday.AddDays(2).AddHours(10), Return("R9", "S9", TenderKind.Cash, "faulty", (Cap, 1, 12.00m))));
        await Warehouse.LandAsync(Store);
        var monday = new QueryFilter(SalesWeek.Monday, SalesWeek.Monday);
        Assert.Empty(Warehouse.Query(AnalyticQueries.ReturnRate, monday));

        await AppendAsync(At(NewYorkRegister, Monday.AddHours(16), Sale("S9", TenderKind.Cash, (Cap, 2, 12.00m))));
        await Warehouse.LandAsync(Store);
        // A second return of the same sale, in a run of its own: the sale is counted once.
        await AppendAsync(At(NewYorkRegister, Monday.AddDays(3).AddHours(10), Return("R10", "S9", TenderKind.Cash, "faulty", (Cap, 1, 12.00m))));
        await Warehouse.LandAsync(Store);

        Assert.Equal([new ReturnRate("store", "faulty", 2, 24.00m, 2, 24.00m)], Warehouse.Query(AnalyticQueries.ReturnRate, monday));
        Assert.Empty(Warehouse.Query(AnalyticQueries.ReturnRate, new QueryFilter(SalesWeek.Monday.AddDays(2), SalesWeek.Monday.AddDays(3))));
        AssertMartsAgreeWithFacts();
    }

    [Fact]
    public async Task A_card_sale_uploaded_after_its_settlement_is_matched_to_it()
    {
        // The NY register was offline on Monday night: the processor's file settles S2 before the sale reaches the store.
        var events = SalesWeek.Events();
        var lateSale = events.Single(e => e.Body is Core.Sales.SaleRecorded { TransactionId: "S2" });
        await AppendAsync([.. events.Where(e => e != lateSale)]);
        await Store.Importing.AddSettlementsAsync(SalesWeek.Settlements(), CancellationToken.None);
        await Warehouse.LandAsync(Store);
        var week = new QueryFilter(SalesWeek.Monday, SalesWeek.Thursday);
        Assert.Contains(Warehouse.Query(AnalyticQueries.CardCaptures, week), c => c is { CardToken: "tok_S2", Status: "not_captured" });

        await AppendAsync(lateSale);
        await Warehouse.LandAsync(Store);

        var captures = Warehouse.Query(AnalyticQueries.CardCaptures, week).Where(c => c.CardToken == "tok_S2");
        Assert.Equal([("S2", "matched")], captures.Select(c => (c.TransactionId, c.Status)));
        Assert.Equal(0, Warehouse.Query(AnalyticQueries.TenderReconciliation, week).Single(t => t.StoreId == NewYork && t.BusinessDate == SalesWeek.Monday).Unmatched);
    }

    [Fact]
    public async Task Levels_landed_in_many_small_runs_carry_each_runs_closing_level_into_the_next()
    {
        await AppendAsync([.. StockAutumn.Events()]);

        await Warehouse.LandAsync(Store, new LandingOptions(EventsPerRun: 2, PageSize: 2));

        AssertMartsAgreeWithFacts();
        Assert.Equal(14, Warehouse.Query(AnalyticQueries.DaysOfSupply, new QueryFilter(StockAutumn.AsOf, StockAutumn.AsOf, [NewYork])).Single(d => d.Sku == Mug).OnHand);
    }

    [Fact]
    public async Task A_landing_ends_with_what_the_store_held_when_it_reached_the_end_and_leaves_later_posts_to_the_next()
    {
        var week = SalesWeek.Events();
        await AppendAsync([.. week]);
        var posted = false;

        // A sale accepted while the landing stages what it read: a landing under a steady stream of posts still ends.
        var first = await Warehouse.LandAsync(Store, new LandingOptions(EventsPerRun: 1_000, PageSize: 7), progress =>
        {
            if (progress.Step == LandingStep.Staged && !posted)
            {
                posted = true;
                AppendAsync(At(LosAngelesRegister, Monday.AddHours(16), Sale("S9", TenderKind.Cash, (Cap, 2, 12.00m)))).GetAwaiter().GetResult();
            }
        });
        var second = await Warehouse.LandAsync(Store);

        Assert.Equal(week.Count, first.Events);
        Assert.Equal(1, second.Events);
        AssertMartsAgreeWithFacts();
    }

    [Fact]
    public async Task Weeks_a_landing_leaves_to_the_marts_refresh_are_redone_once_it_runs()
    {
        await AppendAsync([.. StockAutumn.Events()]);
        await Warehouse.LandAsync(Store, new LandingOptions(EventsPerRun: 2, PageSize: 2, RefreshMarts: false));
        Assert.Empty(Sql("SELECT week_start FROM mart_weekly_sell_through", r => r.GetDate(0)));

        var redone = await Warehouse.RefreshMartsAsync();

        AssertMartsAgreeWithFacts();
        Assert.Equal(Sql("SELECT count(*) FROM (SELECT DISTINCT store_id, sku FROM mart_weekly_sell_through)", r => r.GetInt64(0)).Single(), redone);
        Assert.Equal(0, await Warehouse.RefreshMartsAsync());
    }

    private List<long> MartRowIds(string where) => Sql($"SELECT rowid FROM mart_daily_sales WHERE {where} ORDER BY rowid", r => r.GetInt64(0));

    private List<long> InventoryRowIds(string where) => Sql($"SELECT rowid FROM mart_daily_inventory WHERE {where} ORDER BY rowid", r => r.GetInt64(0));

    /// <summary>The marts hold what summing the facts from scratch gives, whatever was rebuilt when.</summary>
    private void AssertMartsAgreeWithFacts()
    {
        var fromScratch = Sql("""
            SELECT concat_ws('|', business_date, store_id, channel, sku, sum(units_sold), sum(net_sales), sum(units_returned), sum(refunded)) FROM (
              SELECT business_date, store_id, channel, sku, quantity AS units_sold, net_sales, 0 AS units_returned, 0 AS refunded FROM fact_sale_lines
              UNION ALL
              SELECT business_date, store_id, channel, sku, 0, 0, quantity, refund_amount FROM fact_return_lines)
            GROUP BY business_date, store_id, channel, sku ORDER BY 1
            """, r => r.GetString(0));
        Assert.Equal(fromScratch, Sql(
            "SELECT concat_ws('|', business_date, store_id, channel, sku, units_sold, net_sales, units_returned, refunded) FROM mart_daily_sales ORDER BY 1",
            r => r.GetString(0)));

        var levels = Sql("""
            SELECT concat_ws('|', business_date, sku, location, sum(sum(on_hand_change)) OVER w,
                             coalesce(sum(sum(on_hand_change) FILTER (WHERE on_hand_change > 0)) OVER w, 0), lead(business_date) OVER w)
            FROM fact_inventory_movements GROUP BY business_date, sku, location
            WINDOW w AS (PARTITION BY sku, location ORDER BY business_date) ORDER BY 1
            """, r => r.GetString(0));
        Assert.Equal(levels, Sql("SELECT concat_ws('|', business_date, sku, location, closing_on_hand, closing_added, next_date) FROM mart_daily_inventory ORDER BY 1",
            r => r.GetString(0)));

        // Day by day from each SKU-location's first movement: units sold, and days in stock (units at the day's start or
        // end, or sold), summed through each day its stock moved.
        var runningTotals = Sql("""
            WITH daily AS (
              SELECT sku, location, business_date, sum(on_hand_change) AS change,
                     coalesce(-sum(on_hand_change) FILTER (WHERE kind = 'sale'), 0) AS sold
              FROM fact_inventory_movements GROUP BY sku, location, business_date),
            calendar AS (
              SELECT f.sku, f.location, d.business_date
              FROM (SELECT sku, location, min(business_date) AS first_day FROM daily GROUP BY sku, location) f
              JOIN dim_date d ON d.business_date BETWEEN f.first_day AND (SELECT max(business_date) FROM daily)),
            levels AS (
              SELECT c.sku, c.location, c.business_date, coalesce(x.change, 0) AS change, coalesce(x.sold, 0) AS sold,
                     sum(coalesce(x.change, 0)) OVER (PARTITION BY c.sku, c.location ORDER BY c.business_date) AS closing
              FROM calendar c LEFT JOIN daily x USING (sku, location, business_date))
            SELECT concat_ws('|', business_date, sku, location, sold_through, in_stock_days) FROM (
              SELECT sku, location, business_date,
                     sum(sold) OVER w AS sold_through,
                     sum(CASE WHEN closing - change > 0 OR closing > 0 OR sold > 0 THEN 1 ELSE 0 END) OVER w AS in_stock_days
              FROM levels WINDOW w AS (PARTITION BY sku, location ORDER BY business_date))
            SEMI JOIN daily USING (sku, location, business_date)
            ORDER BY 1
            """, r => r.GetString(0));
        Assert.Equal(runningTotals, Sql(
            "SELECT concat_ws('|', business_date, sku, location, sold_through, in_stock_days_through) FROM mart_daily_inventory ORDER BY 1",
            r => r.GetString(0)));

        var lots = Sql("""
            SELECT concat_ws('|', sku, location, business_date, seq, kind, on_hand_change, unit_cost,
                             sum(on_hand_change) OVER (PARTITION BY sku, location ORDER BY business_date, seq))
            FROM fact_inventory_movements WHERE on_hand_change > 0 ORDER BY 1
            """, r => r.GetString(0));
        Assert.Equal(lots, Sql("SELECT concat_ws('|', sku, location, lot_date, seq, kind, units, unit_cost, units_through) FROM mart_receipt_lots ORDER BY 1",
            r => r.GetString(0)));

        var weeks = Sql("""
            WITH keys AS (
              SELECT d.week_start, l.store_id, l.sku FROM fact_sale_lines l JOIN dim_date d USING (business_date)
              UNION SELECT d.week_start, r.store_id, r.sku FROM fact_return_lines r JOIN dim_date d USING (business_date)
              UNION SELECT d.week_start, m.location, m.sku FROM fact_inventory_movements m JOIN dim_date d USING (business_date))
            SELECT concat_ws('|', week_start, store_id, sku,
              (SELECT coalesce(sum(on_hand_change), 0) FROM fact_inventory_movements m
               WHERE m.location = k.store_id AND m.sku = k.sku AND m.business_date < k.week_start),
              (SELECT coalesce(sum(on_hand_change), 0) FROM fact_inventory_movements m
               WHERE m.location = k.store_id AND m.sku = k.sku AND m.kind IN ('receipt', 'transfer_in')
                 AND m.business_date >= k.week_start AND m.business_date < k.week_start + 7),
              (SELECT coalesce(sum(quantity), 0) FROM fact_sale_lines l
               WHERE l.store_id = k.store_id AND l.sku = k.sku AND l.business_date >= k.week_start AND l.business_date < k.week_start + 7),
              (SELECT coalesce(sum(quantity), 0) FROM fact_return_lines r
               WHERE r.store_id = k.store_id AND r.sku = k.sku AND r.business_date >= k.week_start AND r.business_date < k.week_start + 7),
              (SELECT coalesce(sum(on_hand_change), 0) FROM fact_inventory_movements m
               WHERE m.location = k.store_id AND m.sku = k.sku AND m.business_date < k.week_start + 7))
            FROM keys k ORDER BY 1
            """, r => r.GetString(0));
        Assert.Equal(weeks, Sql("""
            SELECT concat_ws('|', week_start, store_id, sku, opening_on_hand, received, sold, returned, closing_on_hand)
            FROM mart_weekly_sell_through ORDER BY 1
            """, r => r.GetString(0)));

        var returnedSales = Sql("""
            SELECT concat_ws('|', transaction_id, sku, min(business_date), min(store_id), min(channel), sum(gross), sum(net_sales), sum(quantity))
            FROM fact_sale_lines WHERE transaction_id IN (SELECT original_transaction_id FROM fact_return_lines)
            GROUP BY transaction_id, sku ORDER BY 1
            """, r => r.GetString(0));
        Assert.Equal(returnedSales, Sql(
            "SELECT concat_ws('|', transaction_id, sku, business_date, store_id, channel, gross, net_sales, quantity) FROM mart_returned_sale_skus ORDER BY 1",
            r => r.GetString(0)));
    }
}
