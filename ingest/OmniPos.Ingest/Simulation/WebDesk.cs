using OmniPos.Core.Payments;
using OmniPos.Core.Sales;

namespace OmniPos.Ingest.Simulation;

/// <summary>
/// The online channels' day: orders around the clock from members (mostly) and guests, delivered from the distribution
/// centre, shipped from a shop when the centre has run out, or picked up at the member's shop; each payment captured a
/// few hours after the order; returns by mail; and the web's fraud — card-testing bursts at the checkout and gift cards
/// drained soon after they are bought.
/// </summary>
internal sealed class WebDesk(SimulationContext context)
{
    private const double MeanOrderUnits = 1.7;
    private const double PickupShare = 0.15;
    private static readonly double[] WebHours = [0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0, 1.0, 1.1, 1.0, 0.9, 0.9, 1.0, 1.1, 1.2, 1.4, 1.5, 1.3, 0.9, 0.5];
    private static readonly string[] GuestCountries = ["US", "US", "US", "CA", "GB", "MX"];
    private static readonly string[] TestingCountries = ["NG", "RO", "BR", "VN", "ID"];

    private RetailWorld World => context.World;

    private Random Random => context.Random;

    private StockBook Stock => context.Stock;

    /// <summary>The location's orders for the demand drawn, and the returns that reach it by mail; the units sold per SKU.</summary>
    public int[] Trade(DeviceLog log, int d, int[] demand)
    {
        var sold = new int[demand.Length];
        foreach (var basket in context.Baskets(demand, MeanOrderUnits))
        {
            var member = log.Location.Kind == LocationKind.Web && Random.NextDouble() < 0.75 ? context.Member(null) : null;
            var lines = Fulfil(log.Location, basket, member, log.Day, sold);
            if (lines.Count > 0)
            {
                Order(log, d, context.TimeOfDay(WebHours), lines, member, member?.Country ?? GuestCountries[Random.Next(GuestCountries.Length)]);
            }
        }

        foreach (var due in context.ReturnsDue(d).Where(r => r.Location == log.Location.Index))
        {
            log.Add(context.TimeOfDay(WebHours), due.Record(log.NextTransactionId(), World.Web.StoreId, null));
            foreach (var line in due.Lines.Where(l => l.Restock))
            {
                Stock.Add(Stock.DistributionCentre, line.Product.Index, line.Quantity);
            }

            context.Tally.Returns++;
        }

        return sold;
    }

    /// <summary>Card testing and gift-card draining on the web storefront, each on a day with its configured chance.</summary>
    public void Fraud(DeviceLog web, int d)
    {
        var fraud = World.Options.Fraud;
        if (Random.NextDouble() < fraud.CardTesting / 100)
        {
            TestCards(web, d);
        }

        if (Random.NextDouble() < fraud.GiftCardDraining / 100)
        {
            DrainGiftCard(web, d);
        }
    }

    /// <summary>Lines for what stock allows: picked up at the member's shop, else from the centre, else shipped from the shop with most.</summary>
    private List<SaleLine> Fulfil(SimLocation at, IReadOnlyList<(SimProduct Product, int Quantity)> basket, SimCustomer? member, DateOnly day, int[] sold)
    {
        var pickup = member is not null && at.Kind == LocationKind.Web && Random.NextDouble() < PickupShare ? member.HomeShop : (int?)null;
        var lines = new List<SaleLine>();
        foreach (var (product, wanted) in basket)
        {
            var (from, fulfilment) = pickup is { } shop && Stock.Shelf(shop, product.Index) >= wanted
                ? (shop, Fulfilment.PickupInStore)
                : Stock.Shelf(Stock.DistributionCentre, product.Index) > 0 || at.Kind != LocationKind.Web
                    ? (Stock.DistributionCentre, Fulfilment.Delivery)
                    : (ShopWithMost(product), Fulfilment.ShipFromStore);
            var units = Math.Min(wanted, Math.Max(0, Stock.Shelf(from, product.Index)));
            if (units == 0)
            {
                continue;
            }

            Stock.Sell(from, product.Index, units);
            sold[product.Index] += units;
            var location = from == Stock.DistributionCentre ? World.Web.StoreId : World.Locations[from].StoreId;
            var price = context.ShelfPrice(at.Index, product);
            lines.Add(Checkout.Line(lines.Count + 1, product, units, price, context.Promotion(at.Index, product.Index, day), at, fulfilment,
                at.Kind == LocationKind.Web && location == at.StoreId ? null : location));
        }

        return lines;
    }

    /// <summary>An order: the sale, its payment captured a few hours later, its card payments to the processor, its returns to come.</summary>
    private PlacedOrder Order(DeviceLog log, int d, TimeSpan at, List<SaleLine> lines, SimCustomer? member, string country,
        Func<decimal, (IReadOnlyList<Tender>, decimal)>? pay = null)
    {
        var total = lines.Sum(l => l.Total);
        var (tenders, _) = pay?.Invoke(total) ?? context.Checkout.Pay(log.Location.Kind, total);
        var transactionId = log.NextTransactionId();
        var sale = new SaleRecorded(transactionId, "USD", lines, tenders, 0m, member?.Customer.CustomerId, CustomerCountry: country);
        var ids = new List<string> { log.Add(at, sale).EventId };
        foreach (var tender in tenders)
        {
            // Card-not-present payments are authorized at checkout and captured when the order ships; the rest are taken at once.
            if (tender.Kind == TenderKind.CardNotPresent)
            {
                ids.Add(log.Add(at + TimeSpan.FromMinutes(Random.Next(60, 480)), new PaymentCaptured(transactionId, tender.TenderNo, tender.Amount)).EventId);
            }

            context.Processor.Captured(log.Location.StoreId, d, tender);
        }

        var giftCards = lines.Where(l => Department.All[World.Products[context.ProductIndex(l.Sku)].Department].IsGiftCard)
            .SelectMany(l => Enumerable.Range(0, l.Quantity).Select(_ => context.Checkout.IssueGiftCard(l.UnitPrice))).ToList();

        context.ScheduleReturns(log.Location, d, sale, member?.HomeShop ?? Random.Next(World.Shops.Count()));
        context.Tally.Sales++;
        context.Tally.Revenue += total;
        context.Tally.UnitsSold += lines.Sum(l => l.Quantity);
        return new PlacedOrder(sale, ids, giftCards);
    }

    /// <summary>A burst of tiny guest orders, each with a new card, minutes apart; some come back as fraud chargebacks.</summary>
    private void TestCards(DeviceLog web, int d)
    {
        var cheapest = World.Products.Where(p => !Department.All[p.Department].IsGiftCard).MinBy(p => p.Product.UnitPrice)!;
        var start = TimeSpan.FromHours(Random.Next(0, 23));
        var country = TestingCountries[Random.Next(TestingCountries.Length)];
        var events = new List<string>();
        var loss = 0m;
        for (var i = Math.Min(Random.Next(15, 41), Stock.Shelf(Stock.DistributionCentre, cheapest.Index)); i > 0; i--)
        {
            start += TimeSpan.FromSeconds(Random.Next(15, 60));
            context.SellOutsideDemand(web.Location.Index, Stock.DistributionCentre, cheapest.Index, 1);
            var line = Checkout.Line(1, cheapest, 1, context.ShelfPrice(web.Location.Index, cheapest), context.Promotion(web.Location.Index, cheapest.Index, web.Day),
                web.Location, Fulfilment.Delivery);
            var (sale, ids, _) = Order(web, d, start, [line], null, country, total => ([context.Checkout.CardTender(1, TenderKind.CardNotPresent, total)], 0m));
            events.AddRange(ids);
            var chargedBackOn = d + Random.Next(15, 41);
            if (Random.NextDouble() < 0.3 && chargedBackOn < World.Options.Days)
            {
                context.Processor.ChargeBack(web.Location.StoreId, chargedBackOn, sale.Tenders[0], "10.4");
                loss += sale.Total;
            }
        }

        if (events.Count == 0)
        {
            return;
        }

        context.Case(new FraudCase(context.NextCaseId(), FraudTypes.CardTesting, web.Location.StoreId, web.Device.DeviceId, web.Day, loss, events));
    }

    /// <summary>A gift card bought online and, within hours, spent by someone else on orders that drain it.</summary>
    private void DrainGiftCard(DeviceLog web, int d)
    {
        var giftCard = World.Products[^1];
        if (Stock.Shelf(Stock.DistributionCentre, giftCard.Index) <= 0)
        {
            return;
        }

        var at = TimeSpan.FromHours(Random.Next(6, 16));
        var buyer = context.Member(null);
        context.SellOutsideDemand(web.Location.Index, Stock.DistributionCentre, giftCard.Index, 1);
        var line = Checkout.Line(1, giftCard, 1, giftCard.Product.UnitPrice, null, web.Location, Fulfilment.Delivery);
        var (_, events, cards) = Order(web, d, at, [line], buyer, buyer.Country, total => ([context.Checkout.CardTender(1, TenderKind.CardNotPresent, total)], 0m));
        var card = cards[0];
        var thief = context.Member(null);
        var drained = 0m;
        for (var orders = Random.Next(2, 4); orders > 0; orders--)
        {
            at += TimeSpan.FromMinutes(Random.Next(10, 90));
            var items = World.Products.Where(p => !Department.All[p.Department].IsGiftCard && Stock.Shelf(Stock.DistributionCentre, p.Index) > 0 && p.Product.UnitPrice is >= 20m and <= 60m).Skip(Random.Next(40)).Take(1).ToList();
            if (items.Count == 0)
            {
                break;
            }

            context.SellOutsideDemand(web.Location.Index, Stock.DistributionCentre, items[0].Index, 1);
            var lines = new List<SaleLine>
            {
                Checkout.Line(1, items[0], 1, context.ShelfPrice(web.Location.Index, items[0]), context.Promotion(web.Location.Index, items[0].Index, web.Day),
                    web.Location, Fulfilment.Delivery),
            };
            var (_, ids, _) = Order(web, d, at, lines, thief, thief.Country, total =>
            {
                var tenders = context.Checkout.PayFromGiftCard(card, total, TenderKind.CardNotPresent);
                drained += tenders.Where(t => t.Kind == TenderKind.GiftCard).Sum(t => t.Amount);
                return (tenders, 0m);
            });
            events.AddRange(ids);
        }

        context.Case(new FraudCase(context.NextCaseId(), FraudTypes.GiftCardDraining, web.Location.StoreId, card, web.Day, drained, events));
    }

    private sealed record PlacedOrder(SaleRecorded Sale, List<string> EventIds, List<string> GiftCards);

    private int ShopWithMost(SimProduct product) =>
        Enumerable.Range(0, Stock.Locations - 1).MaxBy(s => Stock.Shelf(s, product.Index));
}
