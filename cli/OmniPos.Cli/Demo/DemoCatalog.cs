using OmniPos.Core.Access;
using OmniPos.Core.Catalog;
using OmniPos.Core.Events;
using OmniPos.Core.Payments;
using OmniPos.Core.Sales;
using OmniPos.Core.Storage;

namespace OmniPos.Cli.Demo;

/// <summary>A one-store catalog for the demo, and a sale against it that balances to the cent.</summary>
internal static class DemoCatalog
{
    private const decimal SalesTaxRate = 0.08875m; // New York City's combined state and local rate

    public static Store Store { get; } = new("DEMO-01", "Demo Store", "America/New_York", "USD", "US-NY");

    public static Device Register { get; } = new("REG-01", Store.StoreId, DeviceKind.Register);

    private static readonly Employee Cashier = new("EMP-01", Store.StoreId, "Demo Cashier", "cashier");

    private static readonly Product Mug = new("MUG-001", "Mug", ["Home", "Kitchen", "Mugs"], 4.25m, 12.00m);

    private static readonly Product Tee = new("TEE-001", "Organic cotton tee", ["Apparel", "Tops"], 6.10m, 18.50m);

    private static readonly Product[] Products =
    [
        Mug,
        Tee,
        new("CANDLE-01", "Soy candle", ["Home", "Decor"], 3.80m, 14.00m),
        new("TOTE-001", "Canvas tote", ["Accessories", "Bags"], 2.90m, 9.99m),
    ];

    /// <summary>Saves the catalog; saving is an upsert, so running the demo again changes nothing.</summary>
    public static async Task SeedAsync(IOperationalStore store, CancellationToken cancellationToken)
    {
        await store.SaveStoreAsync(Store, cancellationToken);
        await store.SaveDeviceAsync(Register, cancellationToken);
        await store.SaveEmployeeAsync(Cashier, cancellationToken);
        foreach (var product in Products)
        {
            await store.SaveProductAsync(product, cancellationToken);
        }
    }

    /// <summary>A new key for the demo register, every earlier key of that register revoked; the token to post with.</summary>
    public static async Task<string> IssueRegisterKeyAsync(IOperationalStore store, CancellationToken cancellationToken)
    {
        foreach (var earlier in (await store.ListKeysAsync(cancellationToken)).Where(k => k.DeviceId == Register.DeviceId && k.RevokedAt is null))
        {
            await store.RevokeKeyAsync(earlier.KeyId, cancellationToken);
        }

        return (await store.CreateKeyAsync(AccessRole.Register, Store.StoreId, Register.DeviceId, cancellationToken)).Token;
    }

    /// <summary>Two mugs and a tee, taxed per line, paid in cash rounded up to the next ten, at the store's local time; fresh ids each time.</summary>
    public static PosEvent ExampleSale(TimeProvider clock)
    {
        var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(Store.TimeZone));
        SaleLine[] lines = [Line(1, Mug, 2), Line(2, Tee, 1)];
        var total = lines.Sum(l => l.Total);
        var cash = (decimal.Floor(total / 10m) + 1) * 10.00m;
        var sale = new SaleRecorded($"DEMO-{now:yyyyMMdd-HHmmss}", Store.Currency, lines,
            [new Tender(1, TenderKind.Cash, cash)], ChangeGiven: cash - total, EmployeeId: Cashier.EmployeeId);
        return new PosEvent($"demo-{Guid.NewGuid()}", Store.StoreId, Register.DeviceId, now, sale);
    }

    private static SaleLine Line(int lineNo, Product product, int quantity) =>
        new(lineNo, product.Sku, quantity, product.UnitPrice,
            Taxes: [new LineTax(Store.TaxJurisdiction, decimal.Round(quantity * product.UnitPrice * SalesTaxRate, 2, MidpointRounding.AwayFromZero))]);
}
