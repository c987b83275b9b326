using System.Globalization;
using OmniPos.Core.Payments;
using OmniPos.Core.Storage;
using OmniPos.Ingest.Simulation;
using OmniPos.Warehouse.Queries;

namespace OmniPos.Warehouse.Tests.Simulation;

/// <summary>
/// The simulated world, once posted and landed, shows in the warehouse what the simulator was configured to make: its
/// return rates, tender mix, weekly pattern and promotion lift; and everything it injected reached the store.
/// </summary>
public abstract class SimulatedWorldTests(SimulatedChain chain)
{
    private static readonly SimulationOptions Options = SimulatedChain.Options;

    /// <summary>Sales whose returns have all had time to come back (returns come within 30 days).</summary>
    private static readonly QueryFilter SettledSales = new(Options.FirstDay, Options.LastDay.AddDays(-31));

    [Fact]
    public void Returned_units_by_channel_match_the_departments_return_rates()
    {
        var returned = chain.Warehouse.Query(AnalyticQueries.ReturnRate, SettledSales)
            .Where(r => r.Reason != "no receipt").GroupBy(r => r.Channel).ToDictionary(g => g.Key, g => (double)g.Sum(r => r.ReturnedUnits));
        var rates = string.Join(" ", Department.All.Where(d => !d.IsGiftCard).Select(d =>
            string.Create(CultureInfo.InvariantCulture, $"WHEN '{d.Name}' THEN {d.ReturnRate}")));
        var expected = chain.Sql(
            $"""
            SELECT l.channel, sum(l.quantity * CASE p.category_path[1] {rates} ELSE 0 END * CASE l.channel WHEN 'store' THEN 1 ELSE {Department.WebReturnFactor.ToString(CultureInfo.InvariantCulture)} END)
            FROM fact_sale_lines l JOIN dim_product p USING (sku)
            WHERE l.business_date BETWEEN DATE '{SettledSales.From:yyyy-MM-dd}' AND DATE '{SettledSales.Through:yyyy-MM-dd}'
            GROUP BY l.channel ORDER BY l.channel
            """, r => (Channel: r.GetString(0), Units: r.GetDouble(1)));

        Assert.Equal(["marketplace", "store", "web"], expected.Select(e => e.Channel));
        foreach (var (channel, units) in expected)
        {
            Assert.InRange(returned[channel] / units, channel == "marketplace" ? 0.75 : 0.88, channel == "marketplace" ? 1.25 : 1.12);
        }
    }

    [Fact]
    public void Shop_tenders_follow_the_configured_mix()
    {
        var kinds = new[] { TenderKind.Cash, TenderKind.CardPresent, TenderKind.Wallet, TenderKind.Bnpl };
        var counts = chain.Sql(
            "SELECT kind, count(*) FROM fact_tenders WHERE channel = 'store' AND tender_no = 1 GROUP BY kind",
            r => (Kind: EnumText.Parse<TenderKind>(r.GetString(0)), Count: r.GetInt64(1))).Where(c => kinds.Contains(c.Kind)).ToList();
        var configured = TenderMix.Shop.Where(m => kinds.Contains(m.Kind)).ToList();

        foreach (var (kind, share) in configured)
        {
            var observed = (double)counts.Single(c => c.Kind == kind).Count / counts.Sum(c => c.Count);
            Assert.InRange(observed, (share / configured.Sum(m => m.Share)) - 0.015, (share / configured.Sum(m => m.Share)) + 0.015);
        }

        Assert.Contains(chain.Sql("SELECT DISTINCT kind FROM fact_tenders", r => r.GetString(0)), k => k == "gift_card");
    }

    [Fact]
    public void Shop_units_by_weekday_follow_the_configured_week()
    {
        var byWeekday = chain.Sql(
            "SELECT isodow(business_date) - 1, sum(quantity), count(DISTINCT business_date) FROM fact_sale_lines WHERE channel = 'store' GROUP BY 1 ORDER BY 1",
            r => (Weekday: r.GetInt32(0), Units: r.GetDouble(1), Days: r.GetInt64(2)));
        var perDay = byWeekday.Select(w => w.Units / w.Days).ToList();

        for (var w = 0; w < 7; w++)
        {
            var observed = perDay[w] / perDay.Average();
            var configured = DemandCalendar.ShopWeek[w];
            Assert.InRange(observed, configured * 0.9, configured * 1.1);
        }
    }

    [Fact]
    public void Promotions_lift_their_units_as_the_truth_says()
    {
        var truth = chain.Truth(GroundTruthWriter.PromotionsFile).ToDictionary(
            t => t["promotion_id"], t => (Baseline: double.Parse(t["baseline_units"], CultureInfo.InvariantCulture), Expected: double.Parse(t["expected_units"], CultureInfo.InvariantCulture)));
        var sold = chain.Sql("SELECT promotion_id, sum(quantity) FROM fact_sale_lines WHERE promotion_id IS NOT NULL GROUP BY 1",
            r => (Promotion: r.GetString(0), Units: r.GetDouble(1)));
        var promoted = sold.Where(s => truth[s.Promotion].Baseline >= 20).ToList();

        Assert.True(promoted.Count >= 4, $"{promoted.Count} promotions with enough baseline");
        var configuredLift = promoted.Sum(s => truth[s.Promotion].Expected) / promoted.Sum(s => truth[s.Promotion].Baseline);
        var observedLift = promoted.Sum(s => s.Units) / promoted.Sum(s => truth[s.Promotion].Baseline);
        Assert.True(configuredLift > 1.3, $"configured lift {configuredLift:0.00}");
        Assert.InRange(observedLift, configuredLift * 0.85, configuredLift * 1.1);
    }

    [Fact]
    public void Returns_come_partial_whole_several_lines_at_a_time_without_receipt_and_at_other_stores_than_the_sale()
    {
        var returns = chain.Sql(
            """
            WITH r AS (
              SELECT r.transaction_id, r.store_id, r.original_transaction_id, r.quantity, l.quantity AS sold, s.store_id AS sold_at, s.channel AS sold_in
              FROM fact_return_lines r
              LEFT JOIN fact_sale_lines l ON l.transaction_id = r.original_transaction_id AND l.sku = r.sku
              LEFT JOIN fact_transactions s ON s.transaction_id = r.original_transaction_id AND s.kind = 'sale')
            SELECT count(*) FILTER (WHERE quantity < sold), count(*) FILTER (WHERE quantity = sold),
                   (SELECT count(*) FROM (SELECT transaction_id FROM r GROUP BY 1 HAVING count(*) > 1)),
                   count(*) FILTER (WHERE original_transaction_id IS NULL), count(*) FILTER (WHERE store_id <> sold_at AND sold_in = 'store'),
                   count(*) FILTER (WHERE sold_in = 'web' AND store_id <> 'WEB')
            FROM r
            """, r => Enumerable.Range(0, 6).Select(r.GetInt64).ToArray()).Single();

        Assert.All(returns, count => Assert.True(count > 10, $"partial, whole, several lines, no receipt, another shop, web at a shop: {string.Join(", ", returns)}"));
    }

    [Fact]
    public void Orders_are_picked_up_in_store_and_shipped_from_store_and_every_tender_kind_is_used()
    {
        var fulfilments = chain.Sql("SELECT DISTINCT fulfilment FROM fact_sale_lines", r => r.GetString(0));
        var tenders = chain.Sql("SELECT DISTINCT kind FROM fact_tenders", r => EnumText.Parse<TenderKind>(r.GetString(0)));

        Assert.Equal(["carry_out", "delivery", "pickup_in_store", "ship_from_store"], fulfilments.Order(StringComparer.Ordinal));
        Assert.Equal(Enum.GetValues<TenderKind>().Order(), tenders.Order());
    }

    [Fact]
    public void Members_land_with_their_tiers_buy_in_shops_and_online_and_the_higher_tiers_more_often()
    {
        var members = chain.Sql(
            """
            SELECT c.loyalty_tier, count(DISTINCT c.customer_id), count(t.seq) / count(DISTINCT c.customer_id),
                   count(DISTINCT CASE WHEN t.channel = 'store' THEN c.customer_id END), count(DISTINCT CASE WHEN t.channel = 'web' THEN c.customer_id END)
            FROM dim_customer c LEFT JOIN fact_transactions t ON t.customer_id = c.customer_id AND t.kind = 'sale'
            GROUP BY 1 ORDER BY 1
            """, r => (Tier: r.GetString(0), Members: r.GetInt64(1), SalesEach: r.GetDouble(2), InShops: r.GetInt64(3), Online: r.GetInt64(4)));
        var world = RetailWorld.Create(Options).Customers.GroupBy(c => EnumText.Of(c.Customer.LoyaltyTier!.Value)).ToDictionary(g => g.Key, g => (long)g.Count());

        Assert.Equal(world.OrderBy(t => t.Key, StringComparer.Ordinal), members.Select(m => KeyValuePair.Create(m.Tier, m.Members)));
        Assert.All(members, m => Assert.True(m.InShops > m.Members / 2 && m.Online > m.Members / 2, $"{m.Tier}: {m.InShops} in shops, {m.Online} online of {m.Members}"));
        var salesEach = members.ToDictionary(m => m.Tier, m => m.SalesEach);
        Assert.True(salesEach["gold"] > salesEach["silver"] && salesEach["silver"] > salesEach["bronze"], string.Join(", ", salesEach));
    }

    [Fact]
    public async Task Every_injected_fraud_case_and_every_offline_queue_is_in_the_store()
    {
        var stored = await chain.StoredEventIdsAsync();
        var fraud = chain.Truth(GroundTruthWriter.FraudEventsFile);
        var offline = chain.Truth(GroundTruthWriter.OfflineEventsFile);

        Assert.Equal(
            new[] { FraudTypes.CardTesting, FraudTypes.GiftCardDraining, FraudTypes.RefundCycling, FraudTypes.NoSaleBeforeShortage, FraudTypes.PriceOverrideAbuse,
                FraudTypes.Sweethearting, FraudTypes.VoidAfterTender }.Order(StringComparer.Ordinal),
            fraud.Select(f => f["type"]).Distinct().Order(StringComparer.Ordinal));
        Assert.All(fraud, f => Assert.Contains(f["event_id"], stored));
        Assert.True(offline.Select(o => o["device_id"] + o["business_date"]).Distinct().Count() >= 5, "too few offline queues to check");
        Assert.All(offline, o => Assert.Contains(o["event_id"], stored));
        Assert.Equal(chain.Tally.Events, stored.Count);
    }

    [Fact]
    public void Offline_sales_are_uploaded_after_their_registers_day_and_land_on_the_day_they_were_made()
    {
        var offline = chain.Truth(GroundTruthWriter.OfflineEventsFile).ToDictionary(o => o["event_id"], o => DateOnly.Parse(o["business_date"], CultureInfo.InvariantCulture));
        var landed = chain.Sql("SELECT event_id, device_id, business_date, seq FROM fact_transactions", r => (EventId: r.GetString(0), Device: r.GetString(1), Day: r.GetDate(2), Seq: r.GetInt64(3)))
            .Where(t => offline.ContainsKey(t.EventId)).ToList();
        var closes = chain.Sql("SELECT device_id, business_date, seq FROM fact_device_events WHERE kind = 'till_close'", r => (Device: r.GetString(0), Day: r.GetDate(1), Seq: r.GetInt64(2)))
            .ToDictionary(c => (c.Device, c.Day), c => c.Seq);

        Assert.NotEmpty(landed);
        Assert.All(landed, t => Assert.Equal(offline[t.EventId], t.Day));
        Assert.All(landed, t => Assert.True(t.Seq > closes[(t.Device, t.Day)], $"{t.EventId} was recorded before its register closed that day"));
    }

    [Fact]
    public void The_truths_units_sold_are_the_units_posted_and_stock_on_the_books_never_goes_below_zero()
    {
        using var demand = new StreamReader(new System.IO.Compression.GZipStream(File.OpenRead(Path.Combine(chain.TruthFolder, GroundTruthWriter.DemandFile)),
            System.IO.Compression.CompressionMode.Decompress));
        var truthUnits = demand.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Sum(line => line.Split(',') is var f ? long.Parse(f[5], CultureInfo.InvariantCulture) + long.Parse(f[6], CultureInfo.InvariantCulture) : 0);
        var posted = chain.Sql("SELECT sum(quantity) FROM fact_sale_lines", r => r.GetInt64(0)).Single();
        var lowest = chain.Sql("SELECT min(closing_on_hand) FROM mart_daily_inventory", r => r.GetInt64(0)).Single();
        var clearance = chain.Sql("SELECT count(*) FROM fact_price_changes WHERE reason = 'clearance'", r => r.GetInt64(0)).Single();

        Assert.Equal(posted, truthUnits);
        Assert.True(lowest >= 0, $"stock on the books went down to {lowest}");
        Assert.True(clearance > 0, "no clearance markdown was posted");
    }
}

public sealed class SqliteSimulatedWorldTests(SqliteSimulatedChain chain) : SimulatedWorldTests(chain), IClassFixture<SqliteSimulatedChain>;

public sealed class PostgresSimulatedWorldTests(PostgresSimulatedChain chain) : SimulatedWorldTests(chain), IClassFixture<PostgresSimulatedChain>;
