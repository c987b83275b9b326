using OmniPos.Core.Events;
using OmniPos.Core.Inventory;
using OmniPos.Core.Pricing;

namespace OmniPos.Ingest.Simulation;

/// <summary>
/// Runs the chain day by day. Each location's expected demand per SKU is its base rate × the location's size × the
/// calendar (<see cref="DemandCalendar"/>) × the price effect of markdowns and promotions (price ratio to the SKU's
/// elasticity, times the promotion's display lift); a running promotion takes <see cref="CannibalShare"/> of its
/// substitutes' demand, lifts its complements by <see cref="HaloLift"/>, and leaves its SKUs <see cref="DipFactor"/> of
/// their demand for a week after it. Demand drawn (Poisson) beyond the stock on the shelf is lost: sales are censored.
/// The expected demand, the demand drawn and the units sold go to the ground truth for every SKU, store and day the store
/// is open and could sell the SKU.
/// </summary>
public sealed class ChainSimulator
{
    public const double CannibalShare = 0.15;
    public const double HaloLift = 1.08;
    public const double DipFactor = 0.85;
    public const int DipDays = 7;
    private const int CountDay = 15;

    private readonly SimulationContext _context;
    private readonly ShopFloor _shopFloor;
    private readonly WebDesk _webDesk;
    private readonly PromotionTruth[] _promotions;
    private List<PosEvent> _offlineQueues = [];

    public ChainSimulator(RetailWorld world, GroundTruthWriter truth)
    {
        _context = new SimulationContext(world, truth);
        _shopFloor = new ShopFloor(_context);
        _webDesk = new WebDesk(_context);
        _promotions = [.. world.Promotions.Select(p => new PromotionTruth(p))];
    }

    public SimulationTally Tally => _context.Tally;

    private RetailWorld World => _context.World;

    /// <summary>Every day of the period, in order; the ground truth is complete once the last one has been taken.</summary>
    public IEnumerable<SimulatedDay> Run()
    {
        var options = World.Options;
        for (var d = 0; d < options.Days; d++)
        {
            var day = options.FirstDay.AddDays(d);
            var events = _offlineQueues;
            _offlineQueues = [];
            var logs = new List<DeviceLog>();
            foreach (var shop in World.Shops)
            {
                var open = DemandCalendar.Holiday(LocationKind.Shop, day) > 0;
                var shopLogs = shop.Devices.Select(device => new DeviceLog(shop, device, day)).ToList();
                Morning(shopLogs[0], shop.Index, d, open);
                if (open)
                {
                    var expected = Expected(shop, d, day);
                    var demand = Draw(expected);
                    var sold = demand.Select((units, i) => Math.Min(units, Math.Max(0, _context.Stock.Shelf(shop.Index, i)))).ToArray();
                    _shopFloor.Trade(shopLogs, d, sold);
                    RecordTruth(shop, day, expected, demand, sold);
                }
                else
                {
                    _context.PostponeReturns(d, shop.Index);
                }

                _context.Stock.Review(d, shop.Index, PlanningBoost(shop.Index, day));
                logs.AddRange(shopLogs);
            }

            var webLogs = World.Locations.Where(l => l.Kind != LocationKind.Shop).Select(l => new DeviceLog(l, l.Devices[0], day)).ToList();
            Morning(webLogs[0], _context.Stock.DistributionCentre, d, open: true);
            var online = webLogs.Select(log =>
            {
                var expected = Expected(log.Location, d, day);
                var demand = Draw(expected);
                return (log.Location, Expected: expected, Demand: demand, Sold: _webDesk.Trade(log, d, demand));
            }).ToList();
            _webDesk.Fraud(webLogs[0], d);
            online.ForEach(o => RecordTruth(o.Location, day, o.Expected, o.Demand, o.Sold));

            _context.Stock.Review(d, _context.Stock.DistributionCentre, PlanningBoost(World.Web.Index, day));
            logs.AddRange(webLogs);

            foreach (var log in logs)
            {
                events.AddRange(log.Events.OrderBy(e => e.OccurredAt));
                _offlineQueues.AddRange(log.Queued);
            }

            var settlements = _context.Processor.SettlementsOn(d);
            var chargebacks = _context.Processor.ChargebacksOn(d);
            Tally.Events += events.Count;
            Tally.Settlements += settlements.Count;
            Tally.Chargebacks += chargebacks.Count;
            yield return new SimulatedDay(day, events, settlements, chargebacks);
        }

        // The morning after: the last offline queues come in, and the processor settles the last day's card payments.
        var lastSettlements = _context.Processor.SettlementsOn(options.Days);
        var lastChargebacks = _context.Processor.ChargebacksOn(options.Days);
        if (_offlineQueues.Count > 0 || lastSettlements.Count > 0 || lastChargebacks.Count > 0)
        {
            Tally.Events += _offlineQueues.Count;
            Tally.Settlements += lastSettlements.Count;
            Tally.Chargebacks += lastChargebacks.Count;
            yield return new SimulatedDay(options.LastDay.AddDays(1), _offlineQueues, lastSettlements, lastChargebacks);
        }

        _context.Truth.Finish(World, _promotions);
    }

    /// <summary>Before opening, at the stock location: the opening stock or the orders due, the monthly count, the clearance markdown.</summary>
    private void Morning(DeviceLog log, int stockLocation, int d, bool open)
    {
        var stock = _context.Stock;
        var arrivals = d == 0
            ? stock.Opening(stockLocation).Select(x => new PurchaseOrder(0, stockLocation, x.Product, x.Units, $"OPEN-{log.Location.StoreId}")).ToList()
            : stock.Arrivals(d, stockLocation, open);
        foreach (var order in arrivals)
        {
            var product = World.Products[order.Product];
            if (d == 0)
            {
                stock.Add(stockLocation, order.Product, order.Units);
            }

            var cost = Checkout.Cents(product.Product.UnitCost * (0.97m + (0.06m * (decimal)_context.Random.NextDouble())));
            log.Add(TimeSpan.FromHours(7), new InventoryMoved(MovementKind.Receipt, product.Sku, order.Units, UnitCost: cost, Reference: order.Reference));
        }

        if (!open || log.Location.Kind != LocationKind.Shop)
        {
            return;
        }

        if (log.Day.Day == CountDay)
        {
            // The monthly cycle count: a sample of SKUs, and so what was stolen from them shows as a negative adjustment.
            foreach (var product in World.Products.Where(_ => _context.Random.NextDouble() < 0.1))
            {
                if (stock.Count(stockLocation, product.Index) is var difference and not 0)
                {
                    log.Add(TimeSpan.FromHours(7.5), new InventoryMoved(MovementKind.CountAdjustment, product.Sku, difference, Reason: "cycle count"));
                }
            }
        }

        if (log.Day == World.Options.FirstDay.AddDays(World.Options.Days * 2 / 3))
        {
            MarkDownSlowMovers(log, stockLocation);
        }
    }

    /// <summary>
    /// Clearance: the SKUs a shop holds more than three months of stock of go 30% off (a price change, so shoppers react to
    /// it), but for those stocked up for a promotion coming or running there.
    /// </summary>
    private void MarkDownSlowMovers(DeviceLog log, int shop)
    {
        var planned = PlanningBoost(shop, log.Day);
        var slow = World.Products
            .Where(p => !Department.All[p.Department].IsGiftCard && planned(p.Index) == 1.0 && _context.Stock.Shelf(shop, p.Index) >= Math.Max(6, p.BaseRate * log.Location.Size * 90))
            .Take(40);
        foreach (var product in slow)
        {
            var price = Math.Max(0.99m, decimal.Round(product.Product.UnitPrice * 0.7m, 0) - 0.01m);
            _context.MarkDown(shop, product, price);
            log.Add(TimeSpan.FromHours(7.75), new PriceChanged(product.Sku, price, Reason: "clearance"));
        }
    }

    /// <summary>The expected demand of every SKU at the location today, with each promotion's true effects added to its truth.</summary>
    private double[] Expected(SimLocation location, int d, DateOnly day)
    {
        var products = World.Products;
        var expected = new double[products.Count];
        var calendar = Department.All.Select(dep => DemandCalendar.Factor(location.Kind, dep, World.Options.FirstDay, day)).ToArray();
        for (var i = 0; i < products.Count; i++)
        {
            var p = products[i];
            var price = (double)(_context.ShelfPrice(location.Index, p) / p.Product.UnitPrice);
            expected[i] = p.BaseRate * location.Size * calendar[p.Department] * Math.Pow(price, p.Elasticity);
        }

        foreach (var truth in _promotions)
        {
            var plan = truth.Plan;
            if (!plan.Locations.Contains(location.Index))
            {
                continue;
            }

            var sinceEnd = day.DayNumber - plan.Promotion.EndsOn.DayNumber;
            if (plan.Runs(location.Index, day))
            {
                Promote(truth, location, expected);
            }
            else if (sinceEnd is > 0 and <= DipDays)
            {
                foreach (var i in plan.Skus)
                {
                    var lost = expected[i] * (1 - DipFactor);
                    expected[i] -= lost;
                    truth.DipUnits += lost;
                    truth.DipMargin += lost * UnitMargin(location, products[i], 0m);
                }
            }
        }

        return expected;
    }

    private void Promote(PromotionTruth truth, SimLocation location, double[] expected)
    {
        var plan = truth.Plan;
        var products = World.Products;
        var complement = World.Subcategories[plan.Subcategory].Complement;
        for (var i = 0; i < products.Count; i++)
        {
            var p = products[i];
            var before = expected[i];
            if (plan.Skus.Contains(i))
            {
                expected[i] = before * Math.Pow(1 - (double)plan.DiscountShare, p.Elasticity) * plan.DisplayLift;
                truth.BaselineUnits += before;
                truth.ExpectedUnits += expected[i];
                truth.BaselineMargin += before * UnitMargin(location, p, 0m);
                truth.ExpectedMargin += expected[i] * UnitMargin(location, p, plan.DiscountShare);
            }
            else if (p.Subcategory == plan.Subcategory)
            {
                expected[i] = before * (1 - CannibalShare);
                truth.CannibalizedUnits += before - expected[i];
                truth.CannibalizedMargin += (before - expected[i]) * UnitMargin(location, p, 0m);
            }
            else if (p.Subcategory == complement && complement != plan.Subcategory)
            {
                expected[i] = before * HaloLift;
                truth.HaloUnits += expected[i] - before;
                truth.HaloMargin += (expected[i] - before) * UnitMargin(location, p, 0m);
            }
        }
    }

    private double UnitMargin(SimLocation location, SimProduct p, decimal discountShare) =>
        (double)((_context.ShelfPrice(location.Index, p) * (1 - discountShare)) - p.Product.UnitCost);

    private int[] Draw(double[] expected) => [.. expected.Select(_context.Random.Poisson)];

    /// <summary>
    /// Expected demand, the demand drawn, the units of it sold and the units sold besides (price matches, manager
    /// discounts, fraud), for every SKU the location could sell today or sold; lost sales counted.
    /// </summary>
    private void RecordTruth(SimLocation location, DateOnly day, double[] expected, int[] demand, int[] sold)
    {
        var other = _context.TakeSoldOutsideDemand(location.Index);
        for (var i = 0; i < expected.Length; i++)
        {
            if (sold[i] < demand[i])
            {
                Tally.Stockouts++;
            }

            var besides = other.GetValueOrDefault(i);
            if (expected[i] > 0 || besides > 0)
            {
                _context.Truth.Demand(World.Products[i].Sku, location.StoreId, day, expected[i], demand[i], sold[i], besides);
            }
        }
    }

    /// <summary>
    /// The planner's multiplier per SKU at a location: more of a SKU on promotion there, or about to be within its lead time.
    /// </summary>
    private Func<int, double> PlanningBoost(int location, DateOnly day)
    {
        var boosted = new HashSet<int>();
        foreach (var plan in World.Promotions.Where(p => p.Locations.Contains(location) && day <= p.Promotion.EndsOn && day.AddDays(20) >= p.Promotion.StartsOn))
        {
            boosted.UnionWith(plan.Skus.Where(i => day.AddDays(World.Products[i].LeadTimeDays + 3) >= plan.Promotion.StartsOn));
        }

        return product => boosted.Contains(product) ? 2.5 : 1.0;
    }
}
