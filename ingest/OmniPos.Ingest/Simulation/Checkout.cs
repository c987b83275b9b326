using System.Globalization;
using OmniPos.Core.Payments;
using OmniPos.Core.Sales;

namespace OmniPos.Ingest.Simulation;

/// <summary>
/// Turns what a customer takes to the till into a sale that balances to the cent: shelf prices, promotion discounts,
/// per-line sales tax (none on gift cards), and tenders drawn from the channel's mix — cash with change in shops, cards
/// with processor tokens, wallets, buy-now-pay-later, gift cards (drawn down from the cards the chain has sold) and store
/// credit.
/// </summary>
internal sealed class Checkout(Random random)
{
    private const string AuthCharacters = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    private static readonly string[] CardBrands = ["visa", "mastercard", "amex", "discover"];
    private static readonly string[] WalletBrands = ["applepay", "googlepay"];
    private readonly List<GiftCardAccount> _giftCards = [];
    private int _cards;

    /// <summary>A line at the given unit price, less the promotion's share, taxed in the location's jurisdiction unless a gift card.</summary>
    public static SaleLine Line(int lineNo, SimProduct product, int quantity, decimal unitPrice, PromotionPlan? promotion, SimLocation taxedAt,
        Fulfilment fulfilment = Fulfilment.CarryOut, string? location = null, Discount? manual = null)
    {
        var extended = quantity * unitPrice;
        List<Discount> discounts = [];
        if (promotion is not null)
        {
            discounts.Add(new Discount(Cents(extended * promotion.DiscountShare), promotion.Promotion.PromotionId));
        }

        if (manual is not null)
        {
            discounts.Add(manual);
        }

        var giftCard = Department.All[product.Department].IsGiftCard;
        var taxable = extended - discounts.Sum(d => d.Amount);
        return new SaleLine(lineNo, product.Sku, quantity, unitPrice, discounts.Count == 0 ? null : discounts,
            giftCard ? null : [new LineTax(taxedAt.Store.TaxJurisdiction, Cents(taxable * taxedAt.TaxRate))], fulfilment, location);
    }

    /// <summary>The tenders for a total and the change given, by the shop's or the web's mix, or by the kind asked for.</summary>
    public (IReadOnlyList<Tender> Tenders, decimal Change) Pay(LocationKind channel, decimal total, TenderKind? kind = null)
    {
        var mix = channel == LocationKind.Shop ? TenderMix.Shop : TenderMix.Online;
        var chosen = kind ?? random.Pick(mix, m => m.Share).Kind;
        var card = channel == LocationKind.Shop ? TenderKind.CardPresent : TenderKind.CardNotPresent;
        switch (chosen)
        {
            case TenderKind.Cash:
                var tendered = CashTendered(total);
                return ([new Tender(1, TenderKind.Cash, tendered)], tendered - total);
            case TenderKind.GiftCard when _giftCards.FirstOrDefault(g => g.Balance > 0) is { } account:
                return (PayFromGiftCard(account.Id, total, card), 0m);
            case TenderKind.GiftCard:
                // No card with a balance about: the shopper pays another way, drawn from the rest of the mix.
                return Pay(channel, total, random.Pick([.. mix.Where(m => m.Kind != TenderKind.GiftCard)], m => m.Share).Kind);
            case TenderKind.StoreCredit:
                return ([new Tender(1, TenderKind.StoreCredit, total, Reference: $"SC-{random.Next(1_000_000):D6}")], 0m);
            case TenderKind.Bnpl:
                return ([new Tender(1, TenderKind.Bnpl, total, Reference: $"bnpl-{random.Next(100_000_000):D8}")], 0m);
            case TenderKind.Wallet:
                return ([new Tender(1, TenderKind.Wallet, total, NewCard(WalletBrands[random.Next(WalletBrands.Length)]))], 0m);
            default:
                return ([CardTender(1, chosen, total)], 0m);
        }
    }

    /// <summary>A gift card sold: its number, with the face value to spend.</summary>
    public string IssueGiftCard(decimal face)
    {
        var account = new GiftCardAccount($"GC{random.Next(100_000_000):D8}", face);
        _giftCards.Add(account);
        return account.Id;
    }

    /// <summary>
    /// The tenders for a total paid from a named gift card as far as its balance goes (a shopper's, or a fraudster
    /// draining it), the rest by a card of <paramref name="rest"/>'s kind; by that card alone when the gift card is empty.
    /// </summary>
    public IReadOnlyList<Tender> PayFromGiftCard(string giftCard, decimal total, TenderKind rest)
    {
        var account = _giftCards.FirstOrDefault(g => g.Id == giftCard);
        var drawn = Math.Min(account?.Balance ?? 0m, total);
        if (account is null || drawn == 0)
        {
            return [CardTender(1, rest, total)];
        }

        account.Balance -= drawn;
        if (account.Balance == 0)
        {
            _giftCards.Remove(account);
        }

        var gift = new Tender(1, TenderKind.GiftCard, drawn, Reference: giftCard);
        return drawn == total ? [gift] : [gift, CardTender(2, rest, total - drawn)];
    }

    public Tender CardTender(int tenderNo, TenderKind kind, decimal amount) =>
        new(tenderNo, kind, amount, NewCard(CardBrands[random.Next(CardBrands.Length)]));

    public CardDetails NewCard(string brand)
    {
        var auth = string.Create(6, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = AuthCharacters[r.Next(AuthCharacters.Length)];
            }
        });
        return new CardDetails($"tok_{++_cards:x6}{random.Next(0x10000):x4}", brand, random.Next(10_000).ToString("D4", CultureInfo.InvariantCulture), auth);
    }

    public static decimal Cents(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    private decimal CashTendered(decimal total)
    {
        var step = new[] { 0m, 5m, 10m, 20m }[random.Next(4)];
        return step == 0 ? total : (decimal.Floor(total / step) + 1) * step;
    }

    private sealed class GiftCardAccount(string id, decimal balance)
    {
        public string Id { get; } = id;

        public decimal Balance { get; set; } = balance;
    }
}
