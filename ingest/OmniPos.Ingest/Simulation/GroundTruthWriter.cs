using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace OmniPos.Ingest.Simulation;

/// <summary>
/// Writes what the simulator knows and detection or forecasting must never read, into its own folder beside the data:
/// <c>demand.csv.gz</c> (expected demand per SKU, store and day before censoring, the demand drawn, the units of it sold,
/// and the units sold besides it),
/// <c>promotions.csv</c>, <c>fraud_cases.csv</c> and <c>fraud_events.csv</c>, <c>offline_events.csv</c>,
/// <c>customers.csv</c> (each member's home shop and country), and <c>world.json</c> (the options and configured rates).
/// </summary>
public sealed class GroundTruthWriter : IDisposable
{
    public const string DemandFile = "demand.csv.gz";
    public const string PromotionsFile = "promotions.csv";
    public const string FraudCasesFile = "fraud_cases.csv";
    public const string FraudEventsFile = "fraud_events.csv";
    public const string OfflineEventsFile = "offline_events.csv";
    public const string CustomersFile = "customers.csv";
    public const string WorldFile = "world.json";

    private static readonly JsonSerializerOptions WorldJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly string _folder;
    private readonly StreamWriter _demand;
    private readonly StreamWriter _fraudCases;
    private readonly StreamWriter _fraudEvents;
    private readonly StreamWriter _offline;

    public GroundTruthWriter(string folder)
    {
        _folder = folder;
        Directory.CreateDirectory(folder);
        _demand = new StreamWriter(new GZipStream(File.Create(Path.Combine(folder, DemandFile)), CompressionLevel.Fastest), Encoding.UTF8, 1 << 16);
        _demand.WriteLine("sku,store_id,business_date,expected_units,demand_units,sold_units,other_units");
        _fraudCases = Csv(FraudCasesFile, "case_id,type,store_id,actor,business_date,loss,events");
        _fraudEvents = Csv(FraudEventsFile, "case_id,type,event_id");
        _offline = Csv(OfflineEventsFile, "device_id,business_date,offline_from,offline_until,event_id");
    }

    /// <param name="other">Units sold besides the demand drawn: price matches, manager discounts, fraud.</param>
    public void Demand(string sku, string storeId, DateOnly day, double expected, int demand, int sold, int other) =>
        _demand.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sku},{storeId},{day:yyyy-MM-dd},{expected:0.####},{demand},{sold},{other}"));

    public void Fraud(FraudCase c)
    {
        _fraudCases.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{c.CaseId},{c.Type},{c.StoreId},{c.Actor},{c.Day:yyyy-MM-dd},{c.Loss:0.00},{c.EventIds.Count}"));
        foreach (var id in c.EventIds)
        {
            _fraudEvents.WriteLine($"{c.CaseId},{c.Type},{id}");
        }
    }

    public void Offline(OfflineBatch batch)
    {
        foreach (var id in batch.EventIds)
        {
            _offline.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{batch.DeviceId},{batch.Day:yyyy-MM-dd},{batch.From:O},{batch.Until:O},{id}"));
        }
    }

    /// <summary>The promotions' true effects, the members and the configuration, once the last day is simulated.</summary>
    public void Finish(RetailWorld world, IEnumerable<PromotionTruth> promotions)
    {
        using (var file = Csv(PromotionsFile,
            "promotion_id,subcategory,discount_share,display_lift,regional,stores,starts_on,ends_on,skus,baseline_units,expected_units,"
            + "cannibalized_units,halo_units,dip_units,incremental_units,incremental_margin"))
        {
            foreach (var t in promotions)
            {
                var plan = t.Plan;
                var stores = string.Join(' ', plan.Locations.Order().Select(l => world.Locations[l].StoreId));
                file.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{plan.Promotion.PromotionId},{world.Subcategories[plan.Subcategory].Name},{plan.DiscountShare},{plan.DisplayLift:0.###},{plan.Regional},{stores},"
                    + $"{plan.Promotion.StartsOn:yyyy-MM-dd},{plan.Promotion.EndsOn:yyyy-MM-dd},{plan.Skus.Count},{t.BaselineUnits:0.##},{t.ExpectedUnits:0.##},"
                    + $"{t.CannibalizedUnits:0.##},{t.HaloUnits:0.##},{t.DipUnits:0.##},{t.IncrementalUnits:0.##},{t.IncrementalMargin:0.00}"));
            }
        }

        using (var file = Csv(CustomersFile, "customer_id,home_store,country"))
        {
            foreach (var c in world.Customers)
            {
                file.WriteLine($"{c.Customer.CustomerId},{world.Locations[c.HomeShop].StoreId},{c.Country}");
            }
        }

        File.WriteAllText(Path.Combine(_folder, WorldFile), JsonSerializer.Serialize(new
        {
            world.Options,
            ShopWeek = DemandCalendar.ShopWeek,
            WebWeek = DemandCalendar.WebWeek,
            TenderMix = new { Shop = TenderMix.Shop.ToDictionary(t => t.Kind.ToString(), t => t.Share), Online = TenderMix.Online.ToDictionary(t => t.Kind.ToString(), t => t.Share) },
            ReturnRates = Department.All.Where(d => !d.IsGiftCard).ToDictionary(d => d.Name, d => d.ReturnRate),
            Department.WebReturnFactor,
        }, WorldJson));
    }

    public void Dispose()
    {
        _demand.Dispose();
        _fraudCases.Dispose();
        _fraudEvents.Dispose();
        _offline.Dispose();
    }

    private StreamWriter Csv(string name, string header)
    {
        var writer = new StreamWriter(Path.Combine(_folder, name), false, Encoding.UTF8);
        writer.WriteLine(header);
        return writer;
    }
}
