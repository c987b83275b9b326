using OmniPos.Core.Catalog;
using OmniPos.Core.Events;
using OmniPos.Core.Inventory;
using OmniPos.Core.Payments;
using OmniPos.Core.Returns;
using OmniPos.Core.Sales;
using OmniPos.Core.Storage;

namespace OmniPos.Ingest.Tests.Support;

/// <summary>A store with a register and a web storefront, a second store, two products, and events that balance to the cent.</summary>
internal static class Chain
{
    public const string StoreId = "NY-01";
    public const string RegisterId = "NY-01-REG-1";
    public const string WebStoreId = "NY-01-WEB";
    public const string OtherStoreId = "NJ-02";
    public static readonly DateTimeOffset At = new(2026, 11, 20, 10, 15, 0, TimeSpan.FromHours(-5));

    public static async Task SeedAsync(IOperationalStore store)
    {
        var ct = CancellationToken.None;
        await store.SaveStoreAsync(new Store(StoreId, "Fifth Avenue", "America/New_York", "USD", "US-NY"), ct);
        await store.SaveDeviceAsync(new Device(RegisterId, StoreId, DeviceKind.Register), ct);
        await store.SaveDeviceAsync(new Device(WebStoreId, StoreId, DeviceKind.Storefront), ct);
        await store.SaveStoreAsync(new Store(OtherStoreId, "Newark", "America/New_York", "USD", "US-NJ"), ct);
        await store.SaveProductAsync(new Product("MUG-001", "Mug", ["Home", "Kitchen"], 4.25m, 12.00m), ct);
        await store.SaveProductAsync(new Product("TEE-001", "Tee", ["Apparel", "Tops"], 6.10m, 18.50m), ct);
    }

    /// <summary>A sale of <paramref name="mugs"/> mugs at 12.00 paid by card.</summary>
    public static PosEvent Sale(string transactionId, int mugs, string? eventId = null)
    {
        var line = new SaleLine(1, "MUG-001", mugs, 12.00m);
        return Event(new SaleRecorded(transactionId, "USD", [line], [new Tender(1, TenderKind.CardPresent, line.Total, Card())]), eventId);
    }

    /// <summary>A receipted return of <paramref name="mugs"/> mugs refunded to the sale's card.</summary>
    public static PosEvent Return(string transactionId, string saleId, int mugs) =>
        Event(new ReturnRecorded(transactionId, "USD", [new ReturnLine(1, "MUG-001", mugs, mugs * 12.00m, "changed mind", Restock: true)],
            [new Refund(1, TenderKind.CardPresent, mugs * 12.00m, OriginalTenderNo: 1)], saleId));

    public static PosEvent Receipt(string sku, int units) => Event(new InventoryMoved(MovementKind.Receipt, sku, units, null, 3.00m, null));

    public static string Json(PosEvent e) => EventJson.Serialize(e);

    private static CardDetails Card() => new("tok_visa_abcdef", "visa", "4242", "A1B2C3");

    /// <summary>The body as posted by the chain's register.</summary>
    public static PosEvent Event(EventBody body, string? eventId = null) =>
        new(eventId ?? $"evt-{Guid.NewGuid():N}", StoreId, RegisterId, At, body);
}
