using OmniPos.Core.Catalog;
using OmniPos.Core.Events;
using OmniPos.Core.Payments;
using OmniPos.Core.Returns;
using OmniPos.Core.Sales;
using OmniPos.Core.Storage;

namespace OmniPos.Warehouse.Tests.Support;

/// <summary>
/// The chain the warehouse tests land: a New York store with a register, a Los Angeles store with a register (three
/// hours behind), a web storefront run from New York, three products in two categories and a gift card.
/// </summary>
internal static class TestChain
{
    public const string NewYork = "NY-01";
    public const string LosAngeles = "LA-01";
    public const string NewYorkRegister = "NY-01-REG-1";
    public const string LosAngelesRegister = "LA-01-REG-1";
    public const string Web = "NY-01-WEB";
    public const string Mug = "MUG-001";
    public const string Tee = "TEE-001";
    public const string Cap = "CAP-001";
    public const string GiftCard = "GIFT-050";
    public const string Promotion = "FALL-10";
    public const string NewYorkCashier = "EMP-NY-1";
    public const string LosAngelesCashier = "EMP-LA-1";
    public const string Customer = "CUST-42";

    public static readonly TimeSpan NewYorkOffset = TimeSpan.FromHours(-5);
    public static readonly TimeSpan LosAngelesOffset = TimeSpan.FromHours(-8);

    public static async Task SeedAsync(IOperationalStore store)
    {
        var ct = CancellationToken.None;
        await store.SaveStoreAsync(new Store(NewYork, "Fifth Avenue", "America/New_York", "USD", "US-NY"), ct);
        await store.SaveStoreAsync(new Store(LosAngeles, "Sunset Boulevard", "America/Los_Angeles", "USD", "US-CA"), ct);
        await store.SaveDeviceAsync(new Device(NewYorkRegister, NewYork, DeviceKind.Register), ct);
        await store.SaveDeviceAsync(new Device(LosAngelesRegister, LosAngeles, DeviceKind.Register), ct);
        await store.SaveDeviceAsync(new Device(Web, NewYork, DeviceKind.Storefront), ct);
        await store.SaveProductAsync(new Product(Mug, "Mug", ["Home", "Kitchen"], 4.00m, 10.00m), ct);
        await store.SaveProductAsync(new Product(Tee, "Tee", ["Apparel", "Tops"], 6.00m, 20.00m), ct);
        await store.SaveProductAsync(new Product(Cap, "Cap", ["Apparel", "Hats"], 3.00m, 12.00m), ct);
        await store.SaveProductAsync(new Product(GiftCard, "Gift card 50", ["Gift cards"], 0m, 50.00m), ct);
        await store.SavePromotionAsync(new Promotion(Promotion, "Fall ten off", new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 30)), ct);
        await store.SaveEmployeeAsync(new Employee(NewYorkCashier, NewYork, "Ada", "cashier"), ct);
        await store.SaveEmployeeAsync(new Employee(LosAngelesCashier, LosAngeles, "Grace", "cashier"), ct);
        await store.SaveCustomerAsync(new Customer(Customer, "Linus", "linus@example.com"), ct);
    }

    /// <summary>An event from a device of the chain at a local time of its store.</summary>
    public static PosEvent At(string deviceId, DateTime localTime, EventBody body, string? eventId = null)
    {
        var (storeId, offset) = deviceId switch
        {
            LosAngelesRegister => (LosAngeles, LosAngelesOffset),
            _ => (NewYork, NewYorkOffset),
        };
        return new PosEvent(eventId ?? $"evt-{Guid.NewGuid():N}", storeId, deviceId, new DateTimeOffset(localTime, offset), body);
    }

    /// <summary>A sale of whole lines at their prices, no discount or tax, paid by one tender of the kind.</summary>
    public static SaleRecorded Sale(string transactionId, TenderKind tender, params (string Sku, int Quantity, decimal Price)[] lines)
    {
        var saleLines = lines.Select((l, i) => new SaleLine(i + 1, l.Sku, l.Quantity, l.Price)).ToList();
        return Paid(transactionId, saleLines, tender);
    }

    /// <summary>A sale of the lines as given, paid in full by one tender of the kind (a card tender with a card of its own).</summary>
    public static SaleRecorded Paid(string transactionId, IReadOnlyList<SaleLine> lines, TenderKind tender, string? customerCountry = null) =>
        new(transactionId, "USD", lines, [TenderOf(tender, 1, lines.Sum(l => l.Total), transactionId)], CustomerCountry: customerCountry);

    public static Tender TenderOf(TenderKind kind, int tenderNo, decimal amount, string transactionId) => kind switch
    {
        TenderKind.CardPresent or TenderKind.CardNotPresent => new Tender(tenderNo, kind, amount, Card(transactionId)),
        TenderKind.GiftCard or TenderKind.StoreCredit => new Tender(tenderNo, kind, amount, Reference: $"ref-{transactionId}"),
        _ => new Tender(tenderNo, kind, amount),
    };

    /// <summary>The card a transaction was paid with: its own token and auth code, so settlements match it alone.</summary>
    public static CardDetails Card(string transactionId) => new($"tok_{transactionId}", "visa", "4242", $"AUTH-{transactionId}");

    /// <summary>A receipted return of the lines, restocked, refunded in one refund to the sale's first tender.</summary>
    public static ReturnRecorded Return(string transactionId, string saleId, TenderKind tender, string reason,
        params (string Sku, int Quantity, decimal Refund)[] lines) =>
        new(transactionId, "USD",
            [.. lines.Select((l, i) => new ReturnLine(i + 1, l.Sku, l.Quantity, l.Refund, reason, Restock: true))],
            [new Refund(1, tender, lines.Sum(l => l.Refund), OriginalTenderNo: 1)],
            saleId);
}
