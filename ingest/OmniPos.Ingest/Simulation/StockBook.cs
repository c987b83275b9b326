namespace OmniPos.Ingest.Simulation;

/// <summary>
/// Stock per SKU at each stock location (the shops, then the distribution centre), as it is on the shelf and as the
/// system believes it to be (they differ by what was stolen until a count finds it), with the purchase orders on their
/// way. The planner reorders each day on an (s, S) policy from a planning rate that knows neither the season nor the
/// demand exactly, so stock runs out in peaks and piles up in slow weeks; it builds stock ahead of a promotion.
/// </summary>
internal sealed class StockBook
{
    private const int ReviewDays = 3;
    private const int CoverDays = 21;
    private const double ServiceZ = 1.28;

    private readonly int[,] _shelf;
    private readonly int[,] _system;
    private readonly int[,] _onOrder;
    private readonly double[,] _planningRate;
    private readonly Dictionary<int, List<PurchaseOrder>> _due = [];
    private readonly IReadOnlyList<SimProduct> _products;
    private readonly Random _random;
    private int _orders;

    public StockBook(RetailWorld world, Random random)
    {
        _products = world.Products;
        _random = random;
        var locations = world.Shops.Count() + 1;
        _shelf = new int[locations, _products.Count];
        _system = new int[locations, _products.Count];
        _onOrder = new int[locations, _products.Count];
        _planningRate = new double[locations, _products.Count];
        var online = world.Locations.Where(l => l.Kind != LocationKind.Shop).Sum(l => l.Size);
        for (var l = 0; l < locations; l++)
        {
            var size = l < locations - 1 ? world.Locations[l].Size : online;
            foreach (var p in _products)
            {
                // The planner's error: lognormal, so a few series are planned at half or twice their demand.
                _planningRate[l, p.Index] = p.BaseRate * size * Math.Exp(0.35 * random.Normal());
            }
        }
    }

    public int Locations => _shelf.GetLength(0);

    public int DistributionCentre => Locations - 1;

    public int Shelf(int location, int product) => _shelf[location, product];

    /// <summary>Units leave the shelf and the books (a sale).</summary>
    public void Sell(int location, int product, int units)
    {
        _shelf[location, product] -= units;
        _system[location, product] -= units;
    }

    /// <summary>Units leave the shelf unrecorded (theft); the books find out at the next count.</summary>
    public void Steal(int location, int product, int units) => _shelf[location, product] -= units;

    /// <summary>Units come onto the shelf and the books (a receipt or a restocked return).</summary>
    public void Add(int location, int product, int units)
    {
        _shelf[location, product] += units;
        _system[location, product] += units;
    }

    /// <summary>What a count finds: shelf − books, after which the books agree with the shelf.</summary>
    public int Count(int location, int product)
    {
        var difference = _shelf[location, product] - _system[location, product];
        _system[location, product] = _shelf[location, product];
        return difference;
    }

    /// <summary>The opening stock of a location: up to the order-up-to level of every SKU.</summary>
    public IEnumerable<(int Product, int Units)> Opening(int location) =>
        _products.Select(p => (p.Index, RoundUp(OrderUpTo(location, p, 1.0), p.CasePack))).Where(x => x.Item2 > 0);

    /// <summary>The orders arriving today at a location; on a day the location is closed they wait for the next.</summary>
    public IReadOnlyList<PurchaseOrder> Arrivals(int day, int location, bool open)
    {
        if (!_due.TryGetValue(day, out var due))
        {
            return [];
        }

        var here = due.Where(o => o.Location == location).ToList();
        due.RemoveAll(o => o.Location == location);
        if (!open)
        {
            Schedule(here.Select(o => o with { Day = day + 1 }));
            return [];
        }

        foreach (var order in here)
        {
            _onOrder[location, order.Product] -= order.Units;
            Add(location, order.Product, order.Units);
        }

        return here;
    }

    /// <summary>The planner's review: an order for every SKU whose position (books + on order) is below its reorder point.</summary>
    /// <param name="promotionBoost">The planner's multiplier for a SKU about to be or being promoted at the location.</param>
    public void Review(int day, int location, Func<int, double> promotionBoost)
    {
        foreach (var p in _products)
        {
            var rate = _planningRate[location, p.Index] * promotionBoost(p.Index);
            var window = (p.LeadTimeDays + ReviewDays) * rate;
            var reorderPoint = window + (ServiceZ * Math.Sqrt(window));
            var position = _system[location, p.Index] + _onOrder[location, p.Index];
            if (position >= reorderPoint || rate <= 0)
            {
                continue;
            }

            var units = Math.Max(p.CasePack, RoundUp(OrderUpTo(location, p, promotionBoost(p.Index)) - position, p.CasePack));
            var arrives = day + Math.Max(1, p.LeadTimeDays + _random.Next(-2, 3));
            _onOrder[location, p.Index] += units;
            Schedule([new PurchaseOrder(arrives, location, p.Index, units, $"PO-{++_orders:D7}")]);
        }
    }

    private double OrderUpTo(int location, SimProduct p, double boost) =>
        _planningRate[location, p.Index] * boost * (p.LeadTimeDays + ReviewDays + CoverDays);

    private void Schedule(IEnumerable<PurchaseOrder> orders)
    {
        foreach (var order in orders)
        {
            if (!_due.TryGetValue(order.Day, out var list))
            {
                _due[order.Day] = list = [];
            }

            list.Add(order);
        }
    }

    private static int RoundUp(double units, int pack) => units <= 0 ? 0 : Math.Max(pack, (int)Math.Ceiling(units / pack) * pack);
}
