using OmniPos.Core.Payments;
using OmniPos.Core.Sales;

namespace OmniPos.Ingest.Simulation;

/// <summary>What the parts of a simulation share: the world, the one seeded generator, stock, prices, the returns to come and the truth.</summary>
internal sealed class SimulationContext
{
    private static readonly string[] ReturnReasons = ["defective", "wrong size", "changed mind", "not as described"];
    private readonly List<PendingReturn>[] _returns;
    private readonly Dictionary<(int Location, int Product), decimal> _markdowns = [];
    private readonly Dictionary<(int Location, int Product), int> _soldOutsideDemand = [];
    private readonly (double[] Weights, int[] Customers)[] _membersByShop;
    private readonly double[] _memberWeights;
    private readonly Dictionary<string, int> _productIndex;
    private int _cases;

    public SimulationContext(RetailWorld world, GroundTruthWriter truth)
    {
        World = world;
        Truth = truth;
        Random = new Random(world.Options.Seed + 1);
        Checkout = new Checkout(Random);
        Stock = new StockBook(world, Random);
        Processor = new ProcessorFeed(Random, world.Options.FirstDay);
        _returns = [.. Enumerable.Range(0, world.Options.Days).Select(_ => new List<PendingReturn>())];
        var shops = world.Shops.Count();
        _membersByShop = [.. Enumerable.Range(0, shops).Select(s =>
        {
            var members = world.Customers.Select((c, i) => (c, i)).Where(x => x.c.HomeShop == s).ToList();
            return (members.Select(x => x.c.Visits).ToArray(), members.Select(x => x.i).ToArray());
        })];
        _productIndex = world.Products.ToDictionary(p => p.Sku, p => p.Index, StringComparer.Ordinal);
        _memberWeights = [.. world.Customers.Select(c => c.Visits)];
        var cashiers = world.Shops.SelectMany(s => s.Cashiers).ToList();
        DishonestCashiers = cashiers.OrderBy(_ => Random.Next()).Take(world.Options.Fraud.DishonestCashiers).Select(e => e.EmployeeId).ToHashSet();
    }

    public RetailWorld World { get; }

    public GroundTruthWriter Truth { get; }

    public Random Random { get; }

    public Checkout Checkout { get; }

    public StockBook Stock { get; }

    public ProcessorFeed Processor { get; }

    public IReadOnlySet<string> DishonestCashiers { get; }

    public SimulationTally Tally { get; } = new();

    public decimal ShelfPrice(int location, SimProduct product) =>
        _markdowns.TryGetValue((location, product.Index), out var price) ? price : product.Product.UnitPrice;

    /// <summary>The promotion on the SKU at the location today, if one runs.</summary>
    public PromotionPlan? Promotion(int location, int product, DateOnly day)
    {
        foreach (var plan in World.Promotions)
        {
            if (plan.Skus.Contains(product) && plan.Runs(location, day))
            {
                return plan;
            }
        }

        return null;
    }

    /// <summary>A time of day drawn from hourly weights (index = hour), to the second.</summary>
    public TimeSpan TimeOfDay(IReadOnlyList<double> hourWeights) =>
        TimeSpan.FromHours(Random.Weighted(hourWeights)) + TimeSpan.FromSeconds(Random.Next(3600));

    /// <summary>Shuffles in place (Fisher–Yates).</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Units sold today grouped into baskets of about <paramref name="meanSize"/> units; a SKU twice in a basket is one line.</summary>
    public List<List<(SimProduct Product, int Quantity)>> Baskets(IReadOnlyList<int> units, double meanSize)
    {
        var items = new List<int>();
        for (var i = 0; i < units.Count; i++)
        {
            for (var u = 0; u < units[i]; u++)
            {
                items.Add(i);
            }
        }

        Shuffle(items);
        var baskets = new List<List<(SimProduct, int)>>();
        for (var at = 0; at < items.Count;)
        {
            var size = Math.Min(items.Count - at, 1 + Random.Poisson(meanSize - 1));
            baskets.Add([.. items.GetRange(at, size).GroupBy(i => i).Select(g => (World.Products[g.Key], g.Count()))]);
            at += size;
        }

        return baskets;
    }

    public void MarkDown(int location, SimProduct product, decimal price) => _markdowns[(location, product.Index)] = price;

    public IReadOnlyList<PendingReturn> ReturnsDue(int day) => _returns[day];

    /// <summary>A closed shop's returns of the day come back the next day instead (none after the period).</summary>
    public void PostponeReturns(int day, int shop)
    {
        var postponed = _returns[day].Where(r => r.Location == shop).ToList();
        _returns[day].RemoveAll(r => r.Location == shop);
        if (day + 1 < _returns.Length)
        {
            _returns[day + 1].AddRange(postponed);
        }
    }

    /// <summary>Units sold at a location outside the demand drawn for it (price matches, manager discounts, fraud), from its stock location.</summary>
    public void SellOutsideDemand(int soldAt, int stockLocation, int product, int units)
    {
        Stock.Sell(stockLocation, product, units);
        _soldOutsideDemand[(soldAt, product)] = _soldOutsideDemand.GetValueOrDefault((soldAt, product)) + units;
    }

    /// <summary>The units a location sold outside its demand since last asked, by product.</summary>
    public Dictionary<int, int> TakeSoldOutsideDemand(int location)
    {
        var taken = _soldOutsideDemand.Where(x => x.Key.Location == location).ToDictionary(x => x.Key.Product, x => x.Value);
        foreach (var product in taken.Keys)
        {
            _soldOutsideDemand.Remove((location, product));
        }

        return taken;
    }

    /// <summary>
    /// Draws which units of a sale come back (each unit by its department's rate, more often online) and, for those
    /// that do, one visit: when (1–30 days later) and where — a shop's sales mostly to the same shop, some to another;
    /// web sales by mail or to the buyer's shop.
    /// </summary>
    public void ScheduleReturns(SimLocation soldAt, int day, SaleRecorded sale, int homeShop)
    {
        var returned = new List<ReturnedUnits>();
        foreach (var line in sale.Lines)
        {
            var product = World.Products[ProductIndex(line.Sku)];
            var rate = Department.All[product.Department].ReturnRate * (soldAt.Kind == LocationKind.Shop ? 1 : Department.WebReturnFactor);
            var units = Enumerable.Range(0, line.Quantity).Count(_ => Random.NextDouble() < rate);
            if (units > 0)
            {
                returned.Add(new ReturnedUnits(product, units, Checkout.Cents(line.Total * units / line.Quantity), Random.NextDouble() < 0.85,
                    ReturnReasons[Random.Next(ReturnReasons.Length)]));
            }
        }

        var due = day + Random.Next(1, 31);
        if (returned.Count == 0 || due >= _returns.Length)
        {
            return;
        }

        var where = soldAt.Kind switch
        {
            LocationKind.Shop => Random.NextDouble() < 0.85 ? soldAt.Index : Random.Next(World.Shops.Count()),
            LocationKind.Web => Random.NextDouble() < 0.35 ? homeShop : soldAt.Index,
            _ => soldAt.Index,
        };
        _returns[due].Add(new PendingReturn(where, new SoldTransaction(sale.TransactionId, sale.Tenders, sale.ChangeGiven), returned));
    }

    /// <summary>A loyalty member, more likely the higher the tier: of the shop's own members mostly, else of all of them.</summary>
    public SimCustomer Member(int? shop)
    {
        if (shop is { } s && _membersByShop[s].Customers.Length > 0 && Random.NextDouble() < 0.8)
        {
            var (weights, customers) = _membersByShop[s];
            return World.Customers[customers[Random.Weighted(weights)]];
        }

        return World.Customers[Random.Weighted(_memberWeights)];
    }

    public string NextCaseId() => $"FRAUD-{++_cases:D5}";

    public void Case(FraudCase fraudCase)
    {
        Truth.Fraud(fraudCase);
        Tally.FraudCases++;
    }

    public int ProductIndex(string sku) => _productIndex[sku];
}
