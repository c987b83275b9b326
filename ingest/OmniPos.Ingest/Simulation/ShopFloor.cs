using OmniPos.Core.Devices;
using OmniPos.Core.Events;
using OmniPos.Core.Payments;
using OmniPos.Core.Returns;
using OmniPos.Core.Sales;

namespace OmniPos.Ingest.Simulation;

/// <summary>
/// A shop's trading day at its registers: each register's cashier signs in and opens the till with a float, rings up the
/// day's baskets (a third of them for loyalty members) and takes back the returns due at the shop (and some without
/// receipt), drops cash in the afternoon, and counts the till at close — now and then a little over or short. Cashiers
/// void lines, open the drawer for change, match prices and give manager discounts; the dishonest ones commit the
/// schemes of <see cref="FraudTypes"/>. A register that goes offline queues what it records until the next morning.
/// </summary>
internal sealed class ShopFloor(SimulationContext context)
{
    public const decimal OpeningFloat = 200m;
    private const double MeanBasketUnits = 2.3;
    private const double MemberShare = 0.35;
    private static readonly double[] ShopHours = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5, 0.7, 0.9, 1.3, 1.3, 1.0, 0.9, 1.0, 1.3, 1.4, 1.1, 0.6, 0];

    private RetailWorld World => context.World;

    private Random Random => context.Random;

    /// <summary>The day at a shop that is open: <paramref name="sold"/> units per SKU, already known to be on its shelf.</summary>
    public void Trade(IReadOnlyList<DeviceLog> logs, int d, int[] sold)
    {
        var shop = logs[0].Location;
        for (var i = 0; i < sold.Length; i++)
        {
            context.Stock.Sell(shop.Index, i, sold[i]);
        }

        var shifts = logs.Select((log, r) =>
        {
            var cashier = shop.Cashiers[((2 * r) + (d % 2)) % shop.Cashiers.Count];
            return new RegisterShift(log, cashier, context.DishonestCashiers.Contains(cashier.EmployeeId));
        }).ToList();

        foreach (var shift in shifts)
        {
            OpenAndClose(shift);
            HonestExceptions(shift, d);
            if (shift.Dishonest)
            {
                Fraud(shift, d);
            }
        }

        foreach (var basket in context.Baskets(sold, MeanBasketUnits))
        {
            var shift = shifts[Random.Next(shifts.Count)];
            var customer = Random.NextDouble() < MemberShare ? context.Member(shop.Index) : null;
            shift.At(context.TimeOfDay(ShopHours), () => Ring(shift, d, basket, customer));
        }

        foreach (var due in context.ReturnsDue(d).Where(r => r.Location == shop.Index))
        {
            var shift = shifts[Random.Next(shifts.Count)];
            shift.At(context.TimeOfDay(ShopHours), () => TakeBack(shift, due));
        }

        if (Random.NextDouble() < 0.3)
        {
            var shift = shifts[Random.Next(shifts.Count)];
            var product = World.Products[Random.Next(World.Options.Skus)];
            shift.At(context.TimeOfDay(ShopHours), () => TakeBackWithoutReceipt(shift, product, TenderKind.StoreCredit));
        }

        foreach (var shift in shifts)
        {
            shift.Play();
            if (Random.NextDouble() < World.Options.OfflineRegisterDayShare)
            {
                GoOffline(shift);
            }
        }
    }

    /// <summary>Rings up a basket; the sale event. Cash goes into the drawer, card payments to the processor, gift cards into circulation.</summary>
    public PosEvent Ring(RegisterShift shift, int d, IReadOnlyList<(SimProduct Product, int Quantity)> basket, SimCustomer? customer,
        Func<int, decimal, decimal>? priceFor = null, TenderKind? kind = null, Discount? manual = null)
    {
        var log = shift.Log;
        var shop = log.Location;
        var lines = basket.Select((item, i) =>
        {
            var shelf = context.ShelfPrice(shop.Index, item.Product);
            var price = priceFor?.Invoke(i, shelf) ?? shelf;
            var promotion = price == shelf ? context.Promotion(shop.Index, item.Product.Index, log.Day) : null;
            return Checkout.Line(i + 1, item.Product, item.Quantity, price, promotion, shop, manual: i == 0 ? manual : null);
        }).ToList();
        var total = lines.Sum(l => l.Total);
        var (tenders, change) = context.Checkout.Pay(LocationKind.Shop, total, kind);
        var transactionId = log.NextTransactionId();
        var sale = new SaleRecorded(transactionId, shop.Store.Currency, lines, tenders, change, customer?.Customer.CustomerId, shift.Cashier.EmployeeId);
        var e = log.Add(shift.Now, sale);
        Settle(shift, d, tenders, change);
        IssueGiftCards(basket);
        context.ScheduleReturns(shop, d, sale, customer?.HomeShop ?? shop.Index);
        Count(sale);
        return e;
    }

    private void OpenAndClose(RegisterShift shift)
    {
        var employee = shift.Cashier.EmployeeId;
        shift.At(TimeSpan.FromMinutes(520), () => shift.Log.Add(shift.Now, new DeviceEventRecorded(DeviceEventKind.SignIn, employee)));
        shift.At(TimeSpan.FromMinutes(525), () => shift.Log.Add(shift.Now, new DeviceEventRecorded(DeviceEventKind.TillOpen, employee, Amount: OpeningFloat)));
        shift.At(TimeSpan.FromHours(15), () =>
        {
            var drop = decimal.Floor((shift.Drawer.Expected - OpeningFloat) / 50m) * 50m;
            if (drop >= 300m)
            {
                shift.Drawer.Pay(drop);
                shift.Log.Add(shift.Now, new DeviceEventRecorded(DeviceEventKind.TillDrop, employee, Amount: drop));
            }
        });
        shift.At(TimeSpan.FromMinutes(1265), () => shift.Log.Add(shift.Now, new DeviceEventRecorded(DeviceEventKind.SignOut, employee)));
        shift.At(TimeSpan.FromMinutes(1270), () =>
        {
            var error = Random.NextDouble() switch
            {
                < 0.03 => Checkout.Cents((decimal)((Random.NextDouble() * 4) - 2)),
                < 0.04 => -Checkout.Cents(5m + (35m * (decimal)Random.NextDouble())),
                _ => 0m,
            };
            var counted = Math.Max(0m, shift.Drawer.Expected - shift.Drawer.Pocketed + error);
            var close = shift.Log.Add(shift.Now, new DeviceEventRecorded(DeviceEventKind.TillClose, employee, Amount: counted));
            shift.ClosingCases.ForEach(complete => context.Case(complete(close)));
        });
    }

    /// <summary>What honest cashiers do now and then: void a line, open the drawer for change, match a price, give a manager's discount, pay for supplies.</summary>
    private void HonestExceptions(RegisterShift shift, int d)
    {
        var employee = shift.Cashier.EmployeeId;
        var log = shift.Log;
        if (Random.NextDouble() < 0.3)
        {
            shift.At(context.TimeOfDay(ShopHours), () => log.Add(shift.Now, new DeviceEventRecorded(DeviceEventKind.NoSale, employee, Reason: "change")));
        }

        if (Random.NextDouble() < 0.05)
        {
            shift.At(context.TimeOfDay(ShopHours), () =>
            {
                shift.Drawer.Pay(15m);
                log.Add(shift.Now, new DeviceEventRecorded(DeviceEventKind.TillPaidOut, employee, Amount: 15m, Reason: "supplies"));
            });
        }

        if (Random.NextDouble() < 0.4)
        {
            shift.At(context.TimeOfDay(ShopHours), () =>
            {
                if (log.Events.LastOrDefault(e => e.Body is SaleRecorded) is { Body: SaleRecorded sale })
                {
                    log.Add(shift.Now, new DeviceEventRecorded(DeviceEventKind.LineVoid, employee, sale.TransactionId, sale.Lines.Count + 1, Reason: "scanned twice"));
                }
            });
        }

        if (Random.NextDouble() < 0.15)
        {
            shift.At(context.TimeOfDay(ShopHours), () => RingWithException(shift, d, DeviceEventKind.PriceOverride));
        }

        if (Random.NextDouble() < 0.15)
        {
            shift.At(context.TimeOfDay(ShopHours), () => RingWithException(shift, d, DeviceEventKind.ManualDiscount));
        }
    }

    /// <summary>
    /// One unit from the shelf rung up with a price match (10% under the shelf price) or a manager's discount (10% of
    /// it), and the device event that records the exception.
    /// </summary>
    private void RingWithException(RegisterShift shift, int d, DeviceEventKind kind)
    {
        var shop = shift.Log.Location.Index;
        if (Available(shop, 1).FirstOrDefault() is not { } product)
        {
            return;
        }

        context.SellOutsideDemand(shop, shop, product.Index, 1);
        var shelf = context.ShelfPrice(shop, product);
        var tenth = Checkout.Cents(shelf * 0.1m);
        var (price, discount, amount, reason) = kind == DeviceEventKind.PriceOverride
            ? (shelf - tenth, null, shelf - tenth, "price match")
            : (shelf, new Discount(tenth, Reason: "manager discount"), tenth, "manager discount");
        var sale = (SaleRecorded)Ring(shift, d, [(product, 1)], null, (_, _) => price, manual: discount).Body;
        shift.Log.Add(shift.Now, new DeviceEventRecorded(kind, shift.Cashier.EmployeeId, sale.TransactionId, 1, amount, reason));
    }

    /// <summary>The dishonest cashier's schemes, each on a day with its configured chance.</summary>
    private void Fraud(RegisterShift shift, int d)
    {
        var fraud = World.Options.Fraud;
        var log = shift.Log;
        var shop = log.Location;
        var employee = shift.Cashier.EmployeeId;
        bool Today(double rate) => Random.NextDouble() < rate / 100;
        TimeSpan Afternoon() => TimeSpan.FromHours(11 + (7 * Random.NextDouble()));
        FraudCase Case(string type, decimal loss, IEnumerable<PosEvent> events) =>
            new(context.NextCaseId(), type, shop.StoreId, employee, log.Day, loss, [.. events.Select(e => e.EventId)]);

        if (Today(fraud.Sweethearting))
        {
            shift.At(Afternoon(), () =>
            {
                // A friend's basket: one cheap item rung up, the rest scanned and voided, and walked out.
                var items = Available(shop.Index, Random.Next(3, 7)).ToList();
                if (items.Count < 2)
                {
                    return;
                }

                var rung = items.MinBy(p => p.Product.UnitPrice)!;
                context.SellOutsideDemand(shop.Index, shop.Index, rung.Index, 1);
                var sale = Ring(shift, d, [(rung, 1)], null, kind: TenderKind.Cash);
                var transactionId = ((SaleRecorded)sale.Body).TransactionId;
                var hidden = items.Where(p => p != rung).ToList();
                var voids = hidden.Select((p, i) =>
                {
                    context.Stock.Steal(shop.Index, p.Index, 1);
                    return log.Add(shift.Now + TimeSpan.FromSeconds(20 * (i + 1)), new DeviceEventRecorded(DeviceEventKind.LineVoid, employee, transactionId, i + 2, Reason: "customer changed mind"));
                }).ToList();
                context.Case(Case(FraudTypes.Sweethearting, hidden.Sum(p => context.ShelfPrice(shop.Index, p)), [sale, .. voids]));
            });
        }

        if (Today(fraud.PriceOverrideAbuse))
        {
            shift.At(Afternoon(), () =>
            {
                var items = Available(shop.Index, Random.Next(2, 5)).ToList();
                if (items.Count == 0)
                {
                    return;
                }

                var cut = 0.3m + (0.4m * (decimal)Random.NextDouble());
                items.ForEach(p => context.SellOutsideDemand(shop.Index, shop.Index, p.Index, 1));
                var sale = Ring(shift, d, [.. items.Select(p => (p, 1))], null, (_, shelf) => Math.Max(0.01m, Checkout.Cents(shelf * (1 - cut))), TenderKind.CardPresent);
                var body = (SaleRecorded)sale.Body;
                var overrides = body.Lines.Select(l =>
                    log.Add(shift.Now, new DeviceEventRecorded(DeviceEventKind.PriceOverride, employee, body.TransactionId, l.LineNo, l.UnitPrice, "damaged"))).ToList();
                var loss = body.Lines.Sum(l => context.ShelfPrice(shop.Index, World.Products[context.ProductIndex(l.Sku)]) - l.UnitPrice);
                context.Case(Case(FraudTypes.PriceOverrideAbuse, loss, [sale, .. overrides]));
            });
        }

        if (Today(fraud.VoidAfterTender))
        {
            shift.At(Afternoon(), () =>
            {
                var items = Available(shop.Index, Random.Next(1, 4)).ToList();
                if (items.Count == 0)
                {
                    return;
                }

                items.ForEach(p => context.SellOutsideDemand(shop.Index, shop.Index, p.Index, 1));
                var sale = Ring(shift, d, [.. items.Select(p => (p, 1))], null, kind: TenderKind.Cash);
                var body = (SaleRecorded)sale.Body;
                var voided = log.Add(shift.Now + TimeSpan.FromMinutes(2), new DeviceEventRecorded(DeviceEventKind.TransactionVoid, employee, body.TransactionId, Amount: body.Total, Reason: "customer left"));
                shift.Drawer.Pocketed += body.Total;
                context.Case(Case(FraudTypes.VoidAfterTender, body.Total, [sale, voided]));
            });
        }

        if (Today(fraud.NoSaleBeforeShortage))
        {
            var taken = 20m + (5m * Random.Next(13));
            var noSales = new List<PosEvent>();
            for (var i = Random.Next(2, 5); i > 0; i--)
            {
                shift.At(TimeSpan.FromHours(14 + (4 * Random.NextDouble())), () =>
                    noSales.Add(log.Add(shift.Now, new DeviceEventRecorded(DeviceEventKind.NoSale, employee, Reason: "change"))));
            }

            shift.Drawer.Pocketed += taken;
            shift.ClosingCases.Add(close => Case(FraudTypes.NoSaleBeforeShortage, taken, [.. noSales, close]));
        }

        if (Today(fraud.RefundCycling))
        {
            shift.At(Afternoon(), () =>
            {
                var product = World.Products.Where(p => p.Product.UnitPrice is >= 20m and <= 90m && !Department.All[p.Department].IsGiftCard)
                    .Skip(Random.Next(50)).FirstOrDefault() ?? World.Products[0];
                var refund = TakeBackWithoutReceipt(shift, product, TenderKind.Cash);
                context.Case(Case(FraudTypes.RefundCycling, ((ReturnRecorded)refund.Body).Refunds.Sum(r => r.Amount), [refund]));
            });
        }
    }

    /// <summary>A return due at the shop, refunded to the sale's tenders (cash from this drawer).</summary>
    private void TakeBack(RegisterShift shift, PendingReturn due)
    {
        var log = shift.Log;
        var recorded = due.Record(log.NextTransactionId(), null, shift.Cashier.EmployeeId);
        log.Add(shift.Now, recorded);
        shift.Drawer.Pay(recorded.Refunds.Where(r => r.Kind == TenderKind.Cash).Sum(r => r.Amount));
        foreach (var line in due.Lines.Where(l => l.Restock))
        {
            context.Stock.Add(log.Location.Index, line.Product.Index, line.Quantity);
        }

        context.Tally.Returns++;
    }

    /// <summary>A unit brought back without a receipt, refunded at its shelf price with tax, and restocked.</summary>
    private PosEvent TakeBackWithoutReceipt(RegisterShift shift, SimProduct product, TenderKind refundKind)
    {
        var log = shift.Log;
        var shop = log.Location;
        var refund = Checkout.Cents(context.ShelfPrice(shop.Index, product) * (1 + shop.TaxRate));
        var line = new ReturnLine(1, product.Sku, 1, refund, "no receipt", Restock: true);
        var e = log.Add(shift.Now, new ReturnRecorded(log.NextTransactionId(), shop.Store.Currency, [line], [new Refund(1, refundKind, refund)],
            EmployeeId: shift.Cashier.EmployeeId));
        if (refundKind == TenderKind.Cash)
        {
            shift.Drawer.Pay(refund);
        }

        context.Stock.Add(shop.Index, product.Index, 1);
        context.Tally.Returns++;
        return e;
    }

    /// <summary>The register loses its connection for a few hours: what it records then, and its offline and online events, are uploaded tomorrow.</summary>
    private void GoOffline(RegisterShift shift)
    {
        var log = shift.Log;
        var from = TimeSpan.FromHours(11 + (5 * Random.NextDouble()));
        var until = from + TimeSpan.FromHours(2 + (2 * Random.NextDouble()));
        var (fromAt, untilAt) = (log.Location.At(log.Day, from), log.Location.At(log.Day, until));
        var queued = log.Events.Where(e => e.OccurredAt >= fromAt && e.OccurredAt < untilAt).ToList();
        log.Events.RemoveAll(queued.Contains);
        var offline = log.Add(from, new DeviceEventRecorded(DeviceEventKind.Offline, shift.Cashier.EmployeeId));
        var online = log.Add(until, new DeviceEventRecorded(DeviceEventKind.Online, shift.Cashier.EmployeeId));
        log.Events.Remove(offline);
        log.Events.Remove(online);
        log.Queued.AddRange([offline, .. queued.OrderBy(e => e.OccurredAt), online]);
        context.Truth.Offline(new OfflineBatch(log.Device.DeviceId, log.Day, fromAt, untilAt, [.. log.Queued.Select(e => e.EventId)]));
        context.Tally.OfflineBatches++;
    }

    private void Settle(RegisterShift shift, int d, IReadOnlyList<Tender> tenders, decimal change)
    {
        foreach (var tender in tenders)
        {
            if (tender.Kind == TenderKind.Cash)
            {
                shift.Drawer.Take(tender.Amount, change);
            }
            else
            {
                context.Processor.Captured(shift.Log.Location.StoreId, d, tender);
            }
        }
    }

    private void IssueGiftCards(IReadOnlyList<(SimProduct Product, int Quantity)> basket)
    {
        foreach (var (product, quantity) in basket.Where(b => Department.All[b.Product.Department].IsGiftCard))
        {
            for (var i = 0; i < quantity; i++)
            {
                context.Checkout.IssueGiftCard(product.Product.UnitPrice);
            }
        }
    }

    private void Count(SaleRecorded sale)
    {
        context.Tally.Sales++;
        context.Tally.Revenue += sale.Total;
        context.Tally.UnitsSold += sale.Lines.Sum(l => l.Quantity);
    }

    /// <summary>Up to <paramref name="count"/> different SKUs on the shop's shelf, gift cards aside, drawn at random.</summary>
    private IEnumerable<SimProduct> Available(int shop, int count) =>
        Enumerable.Range(0, count * 20).Select(_ => World.Products[Random.Next(World.Options.Skus)])
            .Where(p => context.Stock.Shelf(shop, p.Index) > 0).Distinct().Take(count);
}
