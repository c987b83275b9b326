using System.Globalization;
using OmniPos.Core.Catalog;
using OmniPos.Core.Devices;
using OmniPos.Core.Events;
using OmniPos.Core.Importing;
using OmniPos.Core.Inventory;
using OmniPos.Core.Payments;
using OmniPos.Core.Pricing;
using OmniPos.Core.Returns;
using OmniPos.Core.Sales;

namespace OmniPos.Bench.Chain;

/// <summary>
/// A year (2026) of the chain's trading, day by day, as the events its devices post, until about
/// <c>targetLines</c> sale lines are sold. Each store's four registers open their tills at 8:45 with a float, sell from
/// 9:00 to 21:00 (1–7 lines of 1–3 units at shelf price, 6% of lines with a manager's markdown, the holiday promotion's
/// 15% on its departments in its weeks, the store's sales tax on each line, now and then a gift card) paid by cash with
/// change, card present, or split; take back returns, with receipt to the sale's tender or as store credit, and without
/// receipt; record voids, no-sales, overrides, drops and paid-outs; and close the till counting its cash (now and then a
/// little over or short). The two web storefronts sell around the clock by card not present, to customers of several
/// countries, and capture each payment a few hours later. Stock opens with a receipt per store and product and is
/// reordered as it runs low (<see cref="ChainStock"/>); counts and transfers happen mid-month; some products are marked
/// down in September. The card processor's settlements (and a few chargebacks) cover the last 35 days' card tenders,
/// some missing or short, for reconciliation. Everything is drawn from one seeded generator, so runs are alike.
/// </summary>
internal sealed class ChainSimulation
{
    private const int Seed = 20_261_231;
    private const double WebShare = 0.10;
    private const double MeanLines = 4;
    private const double MeanUnits = 2;
    private const double GiftCardShare = 0.005;
    private const double ReturnShare = 0.03;
    private const int SettledDays = 35;
    private const decimal OpeningFloat = 200m;
    private const string AuthCharacters = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    private static readonly string[] Brands = ["visa", "mastercard", "amex", "discover"];
    private static readonly string[] ReturnReasons = ["defective", "wrong size", "changed mind", "not as described"];
    private static readonly (string Country, double Share)[] Countries = [("US", 0.85), ("CA", 0.05), ("GB", 0.04), ("DE", 0.03), ("FR", 0.03)];
    private static readonly DateOnly MarkdownDay = new(2026, 9, 1);

    /// <summary>What a register's operator does besides selling, and the chance of it on a given day (after which sale or return).</summary>
    private static readonly (DeviceEventKind Kind, double Chance)[] Exceptions =
    [
        (DeviceEventKind.LineVoid, 0.4), (DeviceEventKind.NoSale, 0.3), (DeviceEventKind.PriceOverride, 0.2),
        (DeviceEventKind.ManualDiscount, 0.2), (DeviceEventKind.TillPaidOut, 0.05),
    ];

    private readonly ChainCatalog _catalog;
    private readonly Random _random = new(Seed);
    private readonly IReadOnlyList<Product> _products;
    private readonly bool[] _promoted;
    private readonly double[] _cumulativeWeight;
    private readonly double[] _dayWeight;
    private readonly double[] _registerSales;
    private readonly double[] _webSales;
    private readonly double[] _carry;
    private readonly ChainStock _stock;
    private readonly List<PendingReturn>[] _returns;
    private readonly Dictionary<int, decimal> _markdowns = [];
    private readonly List<(ChainStore Store, Device Device, string TransactionId, decimal Amount, DateTimeOffset At)> _captures = [];

    public ChainSimulation(ChainCatalog catalog, long targetLines)
    {
        _catalog = catalog;
        _products = [.. catalog.Products, .. catalog.GiftCards];
        _promoted = [.. _products.Select(p => ChainCatalog.PromotedDepartments.Contains(p.CategoryPath[0]))];
        var days = LastDay.DayNumber - FirstDay.DayNumber + 1;
        _returns = [.. Enumerable.Range(0, days).Select(_ => new List<PendingReturn>())];

        // Popularity falls off with the product's number, the first selling about forty times what the last does.
        var weights = catalog.Products.Select((_, i) => 1.0 / (i + 50)).ToArray();
        var total = weights.Sum();
        var running = 0.0;
        _cumulativeWeight = [.. weights.Select(w => running += w / total)];

        _dayWeight = [.. Enumerable.Range(0, days).Select(d => DayWeight(FirstDay.AddDays(d)))];
        var meanDay = _dayWeight.Average();
        for (var d = 0; d < days; d++)
        {
            _dayWeight[d] /= meanDay;
        }

        // Sales a day on an average day: each store's registers by its size, and the web's by its two storefronts.
        var sales = targetLines / MeanLines / days;
        var sizes = catalog.Stores.Select(_ => 0.6 + (0.8 * _random.NextDouble())).ToArray();
        _registerSales = [.. sizes.Select(size => sales * (1 - WebShare) * size / sizes.Sum())];
        var storefronts = catalog.Stores.Count(s => s.Storefront is not null);
        _webSales = [.. catalog.Stores.Select(s => s.Storefront is null ? 0 : sales * WebShare / storefronts)];
        _carry = new double[catalog.Stores.Count * 2];

        _stock = new ChainStock([.. catalog.Stores.Select((_, s) => _products.Select((_, p) => DailyUnits(s, p)).ToArray())]);
        foreach (var _ in Enumerable.Range(0, 100))
        {
            var (store, product) = (_random.Next(catalog.Stores.Count), _random.Next(catalog.Products.Count));
            _markdowns[(store * _products.Count) + product] = Cents(catalog.Products[product].UnitPrice * 0.70m);
        }
    }

    public static DateOnly FirstDay { get; } = new(2026, 1, 1);

    public static DateOnly LastDay { get; } = new(2026, 12, 31);

    public long Sales { get; private set; }

    public long SaleLines { get; private set; }

    public long Returns { get; private set; }

    /// <summary>The processor's settlement records, complete once <see cref="Events"/> has been enumerated.</summary>
    public List<Settlement> Settlements { get; } = [];

    /// <summary>The processor's chargebacks, complete once <see cref="Events"/> has been enumerated.</summary>
    public List<Chargeback> Chargebacks { get; } = [];

    /// <summary>Every event of the year in the order the devices post them: day by day, store by store, register by register.</summary>
    public IEnumerable<PosEvent> Events()
    {
        for (var d = 0; FirstDay.AddDays(d) <= LastDay; d++)
        {
            var day = FirstDay.AddDays(d);
            for (var s = 0; s < _catalog.Stores.Count; s++)
            {
                foreach (var e in Morning(s, d, day).Concat(Registers(s, d, day)))
                {
                    yield return e;
                }
            }

            foreach (var e in Web(d, day))
            {
                yield return e;
            }
        }
    }

    /// <summary>Before opening: the first day's stock, the lots due, mid-month counts and transfers, markdowns.</summary>
    private IEnumerable<PosEvent> Morning(int s, int d, DateOnly day)
    {
        var store = _catalog.Stores[s];
        var receiver = store.Registers[0];
        var n = 0;
        // Named after this store's morning, also when it moves stock into another store.
        PosEvent Move(ChainStore at, EventBody body) =>
            new($"{store.Store.StoreId}-{d:D3}-m{++n:D5}", at.Store.StoreId, at.Registers[0].DeviceId, at.At(day, TimeSpan.FromHours(7)), body);

        IReadOnlyList<(int Product, int Units)> lots = d == 0 ? [.. _products.Select((_, p) => (p, _stock.Opening(s, p)))] : _stock.TakeDue(s);
        foreach (var (product, units) in lots)
        {
            _stock.Add(s, product, units);
            var cost = Cents(_products[product].UnitCost * (0.95m + (0.10m * (decimal)_random.NextDouble())));
            yield return Move(store, new InventoryMoved(MovementKind.Receipt, _products[product].Sku, units, UnitCost: cost, Reference: $"po-{receiver.DeviceId}-{d:D3}"));
        }

        if (day.Day == 15)
        {
            for (var i = 0; i < 5; i++)
            {
                var (product, change) = (_random.Next(_catalog.Products.Count), _random.Next(1, 4) * (_random.Next(2) == 0 ? -1 : 1));
                _stock.Add(s, product, change);
                yield return Move(store, new InventoryMoved(MovementKind.CountAdjustment, _products[product].Sku, change, Reason: "cycle count"));
            }

            var (moved, quantity, to) = (_random.Next(_catalog.Products.Count), _random.Next(1, 6), (s + 1) % _catalog.Stores.Count);
            var reference = $"xfer-{store.Store.StoreId}-{d:D3}";
            _stock.Take(s, moved, quantity);
            _stock.Add(to, moved, quantity);
            yield return Move(store, new InventoryMoved(MovementKind.TransferOut, _products[moved].Sku, quantity, Reference: reference));
            yield return Move(_catalog.Stores[to], new InventoryMoved(MovementKind.TransferIn, _products[moved].Sku, quantity, Reference: reference));
        }

        if (day == MarkdownDay)
        {
            foreach (var (key, price) in _markdowns.Where(m => m.Key / _products.Count == s).OrderBy(m => m.Key))
            {
                yield return Move(store, new PriceChanged(_products[key % _products.Count].Sku, price, Reason: "clearance"));
            }
        }
    }

    /// <summary>The store's registers from till open to till close, with the returns due at the store today.</summary>
    private IEnumerable<PosEvent> Registers(int s, int d, DateOnly day)
    {
        var store = _catalog.Stores[s];
        var sales = Draw(s, _registerSales[s] * _dayWeight[d]);
        var returns = _returns[d].Where(r => r.Store == s).ToList();
        if (_random.NextDouble() < 0.3)
        {
            var product = Sample();
            returns.Add(new PendingReturn(s, "", product, _products[product].Sku, 1, Price(s, product, day), TenderKind.StoreCredit, true, true, "no receipt"));
        }

        var registers = store.Registers.Count;
        for (var r = 0; r < registers; r++)
        {
            var mine = returns.Where((_, i) => i % registers == r).ToList();
            foreach (var e in RegisterDay(store, s, r, d, day, (sales / registers) + (r < sales % registers ? 1 : 0), mine))
            {
                yield return e;
            }
        }
    }

    private IEnumerable<PosEvent> RegisterDay(ChainStore store, int s, int r, int d, DateOnly day, int sales, List<PendingReturn> returns)
    {
        var register = store.Registers[r];
        var cashier = store.Cashier(1 + ((r + d) % ChainCatalog.CashiersPerStore));
        var till = new Till(OpeningFloat);
        var n = 0;
        PosEvent Device(TimeSpan at, DeviceEventRecorded body) => new($"{register.DeviceId}-{d:D3}-d{++n:D2}", store.Store.StoreId, register.DeviceId, store.At(day, at), body);

        yield return Device(new TimeSpan(8, 45, 0), new DeviceEventRecorded(DeviceEventKind.TillOpen, cashier, Amount: OpeningFloat));
        var slots = sales + returns.Count;
        var exceptions = Exceptions.Select(x => (x.Kind, Slot: _random.NextDouble() < x.Chance ? _random.Next(Math.Max(slots, 1)) : -1)).ToList();
        var dropAfter = _random.NextDouble() < 0.2 ? slots / 2 : -1;
        var (returnsLeft, saleNo, returnNo) = (returns.Count, 0, 0);
        string? lastSale = null;
        for (var slot = 0; slot < slots; slot++)
        {
            var at = TimeSpan.FromHours(9) + (TimeSpan.FromHours(12) * ((slot + (0.8 * _random.NextDouble()) + 0.1) / slots));
            if (returnsLeft > 0 && _random.NextDouble() < (double)returnsLeft / (slots - slot))
            {
                var pending = returns[returns.Count - returnsLeft--];
                yield return Return(store, register, cashier, store.At(day, at), $"{register.DeviceId}-{d:D3}-x{++returnNo:D3}", pending, till);
            }
            else
            {
                lastSale = $"{register.DeviceId}-{d:D3}-{++saleNo:D4}";
                yield return RegisterSale(store, s, register, cashier, d, day, store.At(day, at), lastSale, till);
            }

            var after = at + TimeSpan.FromSeconds(20);
            foreach (var (kind, _) in exceptions.Where(x => x.Slot == slot))
            {
                if (kind == DeviceEventKind.TillPaidOut)
                {
                    var amount = _random.Next(10, 41);
                    till.Pay(amount);
                    yield return Device(after, new DeviceEventRecorded(kind, cashier, Amount: amount, Reason: "supplies"));
                }
                else if (kind != DeviceEventKind.LineVoid || lastSale is not null)
                {
                    yield return Device(after, new DeviceEventRecorded(kind, cashier, kind == DeviceEventKind.LineVoid ? lastSale : null,
                        kind == DeviceEventKind.LineVoid ? 1 : null, kind is DeviceEventKind.PriceOverride or DeviceEventKind.ManualDiscount ? _random.Next(1, 2_000) / 100m : null));
                }
            }

            if (slot == dropAfter && Math.Floor((till.Expected - OpeningFloat) / 100) * 100 is var drop && drop > 0)
            {
                till.Pay(drop);
                yield return Device(after, new DeviceEventRecorded(DeviceEventKind.TillDrop, cashier, Amount: drop));
            }
        }

        var overShort = _random.NextDouble() < 0.1 ? _random.Next(-500, 501) / 100m : 0m;
        yield return Device(new TimeSpan(21, 15, 0), new DeviceEventRecorded(DeviceEventKind.TillClose, cashier, Amount: Math.Max(0, till.Expected + overShort)));
    }

    private PosEvent RegisterSale(ChainStore store, int s, Device register, string cashier, int d, DateOnly day, DateTimeOffset at, string transactionId, Till till)
    {
        var (lines, products) = Basket(store, s, day, Fulfilment.CarryOut);
        var due = lines.Sum(l => l.Total);
        var customer = _random.NextDouble() < 0.1 ? _catalog.Customers[_random.Next(_catalog.Customers.Count)].CustomerId : null;
        var way = _random.NextDouble();
        IReadOnlyList<Tender> tenders;
        var change = 0m;
        if (way < 0.35)
        {
            (var cash, change) = Cash(1, due, till);
            tenders = [cash];
        }
        else if (way < 0.90 || due < 0.02m)
        {
            tenders = [Card(store, d, day, 1, TenderKind.CardPresent, due, transactionId)];
        }
        else
        {
            var first = Math.Clamp(Cents(due * (decimal)(0.2 + (0.6 * _random.NextDouble()))), 0.01m, due - 0.01m);
            (var cash, change) = Cash(2, due - first, till);
            tenders = [Card(store, d, day, 1, TenderKind.CardPresent, first, transactionId), cash];
        }

        if (tenders.Count == 1)
        {
            ScheduleReturn(s, d, transactionId, lines, products, tenders[0].Kind);
        }

        return new PosEvent($"e-{transactionId}", store.Store.StoreId, register.DeviceId, at,
            new SaleRecorded(transactionId, store.Store.Currency, lines, tenders, change, customer, cashier));
    }

    /// <summary>Both storefronts' orders of the day, then their captures.</summary>
    private IEnumerable<PosEvent> Web(int d, DateOnly day)
    {
        _captures.Clear();
        for (var s = 0; s < _catalog.Stores.Count; s++)
        {
            if (_catalog.Stores[s].Storefront is not { } storefront)
            {
                continue;
            }

            var store = _catalog.Stores[s];
            var orders = Draw(_catalog.Stores.Count + s, _webSales[s] * _dayWeight[d]);
            for (var o = 0; o < orders; o++)
            {
                var at = store.At(day, TimeSpan.FromHours(6) + (TimeSpan.FromHours(17.9) * ((o + _random.NextDouble()) / orders)));
                yield return WebSale(store, s, storefront, d, day, at, $"{storefront.DeviceId}-{d:D3}-{o + 1:D5}");
            }
        }

        foreach (var (store, device, transactionId, amount, at) in _captures)
        {
            yield return new PosEvent($"c-{transactionId}", store.Store.StoreId, device.DeviceId, at, new PaymentCaptured(transactionId, 1, amount));
        }
    }

    private PosEvent WebSale(ChainStore store, int s, Device storefront, int d, DateOnly day, DateTimeOffset at, string transactionId)
    {
        var (lines, products) = Basket(store, s, day, _random.NextDouble() < 0.7 ? Fulfilment.ShipFromStore : Fulfilment.Delivery);
        var due = lines.Sum(l => l.Total);
        var pick = _random.NextDouble();
        var country = Countries.First(c => (pick -= c.Share) < 0 || c == Countries[^1]).Country;
        _captures.Add((store, storefront, transactionId, due, at.AddHours(3)));
        ScheduleReturn(s, d, transactionId, lines, products, TenderKind.CardNotPresent);
        return new PosEvent($"e-{transactionId}", store.Store.StoreId, storefront.DeviceId, at,
            new SaleRecorded(transactionId, store.Store.Currency, lines, [Card(store, d, day, 1, TenderKind.CardNotPresent, due, transactionId)],
                CustomerId: _catalog.Customers[_random.Next(_catalog.Customers.Count)].CustomerId, CustomerCountry: country));
    }

    /// <summary>
    /// 1–7 lines of different products at the store's shelf price, discounted and taxed, and at the till now and then a
    /// gift card; the units leave the store's stock. <c>Products</c> holds the products of the lines before the gift card.
    /// </summary>
    private (List<SaleLine> Lines, List<int> Products) Basket(ChainStore store, int s, DateOnly day, Fulfilment fulfilment)
    {
        var count = _random.Next(1, 8);
        var products = new List<int>(count);
        while (products.Count < count)
        {
            var product = Sample();
            if (!products.Contains(product))
            {
                products.Add(product);
            }
        }

        var promotion = day >= _catalog.Holiday.StartsOn && day <= _catalog.Holiday.EndsOn;
        var lines = new List<SaleLine>(count + 1);
        foreach (var product in products)
        {
            var quantity = _random.Next(1, 4);
            var price = Price(s, product, day);
            var extended = quantity * price;
            Discount? discount = promotion && _promoted[product] ? new Discount(Cents(extended * 0.15m), _catalog.Holiday.PromotionId, "holiday")
                : _random.NextDouble() < 0.06 ? new Discount(Cents(extended * 0.10m), Reason: "manager markdown")
                : null;
            var tax = Cents((extended - (discount?.Amount ?? 0)) * store.TaxRate);
            lines.Add(new SaleLine(lines.Count + 1, _products[product].Sku, quantity, price, discount is null ? null : [discount],
                [new LineTax(store.Store.TaxJurisdiction, tax)], fulfilment));
            _stock.Take(s, product, quantity);
        }

        // Gift cards sell at the till only, untaxed and never discounted.
        if (fulfilment == Fulfilment.CarryOut && _random.NextDouble() < GiftCardShare)
        {
            var gift = _random.Next(_catalog.GiftCards.Count);
            _stock.Take(s, _catalog.Products.Count + gift, 1);
            lines.Add(new SaleLine(lines.Count + 1, _catalog.GiftCards[gift].Sku, 1, _catalog.GiftCards[gift].UnitPrice));
        }

        Sales++;
        SaleLines += lines.Count;
        return (lines, products);
    }

    /// <summary>Now and then, one of the sale's lines (not a gift card) comes back within three weeks, in part or whole.</summary>
    private void ScheduleReturn(int s, int d, string transactionId, List<SaleLine> lines, List<int> products, TenderKind tender)
    {
        var returnDay = d + _random.Next(1, 22);
        if (_random.NextDouble() >= ReturnShare || returnDay >= _returns.Length)
        {
            return;
        }

        var i = _random.Next(products.Count);
        var line = lines[i];
        var quantity = _random.Next(1, line.Quantity + 1);
        var refund = decimal.Round(line.Total * quantity / line.Quantity, 2, MidpointRounding.ToZero);
        _returns[returnDay].Add(new PendingReturn(s, transactionId, products[i], line.Sku, quantity, refund, tender,
            _random.NextDouble() < 0.1, _random.NextDouble() < 0.8, ReturnReasons[_random.Next(ReturnReasons.Length)]));
    }

    private PosEvent Return(ChainStore store, Device register, string cashier, DateTimeOffset at, string transactionId, PendingReturn pending, Till till)
    {
        var receipted = pending.SaleId.Length > 0;
        var refund = pending.ToStoreCredit
            ? new Refund(1, TenderKind.StoreCredit, pending.Refund)
            : new Refund(1, pending.Tender, pending.Refund, OriginalTenderNo: 1);
        if (refund.Kind == TenderKind.Cash)
        {
            till.Pay(refund.Amount);
        }

        if (pending.Restock)
        {
            _stock.Add(pending.Store, pending.Product, pending.Quantity);
        }

        Returns++;
        return new PosEvent($"e-{transactionId}", store.Store.StoreId, register.DeviceId, at, new ReturnRecorded(transactionId, store.Store.Currency,
            [new ReturnLine(1, pending.Sku, pending.Quantity, pending.Refund, pending.Reason, pending.Restock)], [refund],
            receipted ? pending.SaleId : null, EmployeeId: cashier));
    }

    /// <summary>Cash handed over, rounded up to the next 5, and the change.</summary>
    private static (Tender Tender, decimal Change) Cash(int tenderNo, decimal due, Till till)
    {
        var handed = Math.Ceiling(due / 5m) * 5m;
        till.Take(handed, handed - due);
        return (new Tender(tenderNo, TenderKind.Cash, handed), handed - due);
    }

    /// <summary>A card tender with a token and auth code of its own; in the settled window, the processor's record of it.</summary>
    private Tender Card(ChainStore store, int d, DateOnly day, int tenderNo, TenderKind kind, decimal amount, string transactionId)
    {
        var card = new CardDetails($"tok-{transactionId}-{tenderNo}", Brands[_random.Next(Brands.Length)],
            _random.Next(10_000).ToString("D4", CultureInfo.InvariantCulture), new string(_random.GetItems<char>(AuthCharacters, 6)));
        if (d > _returns.Length - 1 - SettledDays)
        {
            Settle(store, day, card, amount);
        }

        return new Tender(tenderNo, kind, amount, card);
    }

    /// <summary>Settled the next day, less a 2.5% fee; one in 200 never settles, one in 300 settles 50 cents short, one in 1,000 is charged back.</summary>
    private void Settle(ChainStore store, DateOnly day, CardDetails card, decimal amount)
    {
        var fate = _random.NextDouble();
        if (fate < 0.005)
        {
            return;
        }

        var settled = fate < 0.005 + (1 / 300.0) && amount > 1m ? amount - 0.50m : amount;
        Settlements.Add(new Settlement(store.Store.StoreId, day.AddDays(1), card.Token, card.AuthCode!, settled, Cents(settled * 0.025m), store.Store.Currency));
        if (_random.NextDouble() < 0.001)
        {
            Chargebacks.Add(new Chargeback(store.Store.StoreId, day.AddDays(20), card.Token, card.AuthCode!, settled, store.Store.Currency, "fraud"));
        }
    }

    /// <summary>The whole sales of a day from an expected number, carrying the fraction over to the next day.</summary>
    private int Draw(int stream, double expected)
    {
        _carry[stream] += expected;
        var whole = (int)_carry[stream];
        _carry[stream] -= whole;
        return whole;
    }

    /// <summary>A product other than a gift card, the popular ones more often.</summary>
    private int Sample()
    {
        var index = Array.BinarySearch(_cumulativeWeight, _random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, _cumulativeWeight.Length - 1);
    }

    private decimal Price(int s, int product, DateOnly day) =>
        day >= MarkdownDay && _markdowns.TryGetValue((s * _products.Count) + product, out var markdown) ? markdown : _products[product].UnitPrice;

    /// <summary>Units a day the store can expect to sell of the product: what its registers and storefront sell, by the product's popularity.</summary>
    private double DailyUnits(int s, int product)
    {
        var lines = (_registerSales[s] + _webSales[s]) * MeanLines;
        return product < _catalog.Products.Count
            ? lines * MeanUnits * (_cumulativeWeight[product] - (product == 0 ? 0 : _cumulativeWeight[product - 1]))
            : _registerSales[s] * GiftCardShare / _catalog.GiftCards.Count;
    }

    /// <summary>Weekends and the holiday months sell more.</summary>
    private static double DayWeight(DateOnly day) =>
        day.DayOfWeek switch
        {
            DayOfWeek.Saturday => 1.3,
            DayOfWeek.Sunday => 1.05,
            DayOfWeek.Friday => 1.15,
            _ => 0.92,
        } * day.Month switch
        {
            12 => 1.4,
            11 => 1.15,
            _ => 1.0,
        };

    private static decimal Cents(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
}
