using OmniPos.Core.Catalog;
using OmniPos.Core.Events;
using OmniPos.Core.Payments;
using OmniPos.Core.Sales;

namespace OmniPos.Bench.Sales;

/// <summary>
/// Balanced sales rung up on one register: 1–6 lines at shelf price, some discounted, New York sales tax on each, paid
/// with 1–2 tenders mixing cash (with change), card present and card not present. Seeded, so a run is repeatable.
/// Ids carry short numbers only: a 13–19 digit run would be refused as a card number.
/// </summary>
internal sealed class SaleFactory(BenchCatalog catalog, Device register, string idPrefix, int seed, TimeProvider clock)
{
    private const decimal TaxRate = 0.08875m;
    private const decimal CashRoundsUpTo = 5m;
    private static readonly TenderKind[] Kinds = [TenderKind.Cash, TenderKind.CardPresent, TenderKind.CardNotPresent];
    private static readonly TenderKind[] CardKinds = [TenderKind.CardPresent, TenderKind.CardNotPresent];
    private static readonly string[] Brands = ["visa", "mastercard", "amex", "discover"];
    private readonly Random _random = new(seed);
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(catalog.Store.TimeZone);
    private int _sales;

    public PosEvent Next()
    {
        var n = ++_sales;
        var transactionId = $"{idPrefix}-t{n:D6}";
        var lines = Enumerable.Range(1, _random.Next(1, 7)).Select(Line).ToList();
        var (tenders, change) = Pay(lines.Sum(l => l.Total), $"tok_{idPrefix}_{n}");
        return new PosEvent($"{idPrefix}-e{n:D6}", catalog.Store.StoreId, register.DeviceId, TimeZoneInfo.ConvertTime(clock.GetUtcNow(), _zone),
            new SaleRecorded(transactionId, catalog.Store.Currency, lines, tenders, change));
    }

    private SaleLine Line(int lineNo)
    {
        var product = catalog.Products[_random.Next(catalog.Products.Count)];
        var quantity = _random.Next(1, 4);
        var extended = quantity * product.UnitPrice;
        var discount = _random.Next(10) == 0 ? Cents(extended * 0.10m) : 0m;
        return new SaleLine(lineNo, product.Sku, quantity, product.UnitPrice,
            discount > 0 ? [new Discount(discount, Reason: "manager markdown")] : null,
            [new LineTax(catalog.Store.TaxJurisdiction, Cents((extended - discount) * TaxRate))]);
    }

    private (IReadOnlyList<Tender> Tenders, decimal Change) Pay(decimal due, string tokenStem)
    {
        if (_random.Next(4) != 0 || due < 0.02m)
        {
            return Settle(1, due, Kinds[_random.Next(Kinds.Length)], tokenStem, []);
        }

        // A split payment: part on a card, the rest by any means.
        var first = Math.Clamp(Cents(due * (decimal)(0.2 + (0.6 * _random.NextDouble()))), 0.01m, due - 0.01m);
        var card = CardTender(1, CardKinds[_random.Next(CardKinds.Length)], first, tokenStem);
        return Settle(2, due - first, Kinds[_random.Next(Kinds.Length)], tokenStem, [card]);
    }

    private (IReadOnlyList<Tender> Tenders, decimal Change) Settle(int tenderNo, decimal remaining, TenderKind kind, string tokenStem, Tender[] earlier)
    {
        if (kind != TenderKind.Cash)
        {
            return ([.. earlier, CardTender(tenderNo, kind, remaining, tokenStem)], 0m);
        }

        var handed = Math.Ceiling(remaining / CashRoundsUpTo) * CashRoundsUpTo;
        return ([.. earlier, new Tender(tenderNo, TenderKind.Cash, handed)], handed - remaining);
    }

    private Tender CardTender(int tenderNo, TenderKind kind, decimal amount, string tokenStem) =>
        new(tenderNo, kind, amount, new CardDetails(
            $"{tokenStem}_{tenderNo}",
            Brands[_random.Next(Brands.Length)],
            _random.Next(10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
            new string(_random.GetItems<char>("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", 6))));

    private static decimal Cents(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
}
