using OmniPos.Core.Catalog;
using OmniPos.Core.Events;
using OmniPos.Core.Payments;
using OmniPos.Core.Sales;
using OmniPos.Core.Storage;

namespace OmniPos.Cli.Demo;

/// <summary>A one-store catalog for the demo, and a sale against it that balances to the cent.</summary>
internal static class DemoCatalog
{
    public const string StoreId = "DEMO-01";
    public const string RegisterId = "REG-01";
    private const string Jurisdiction = "US-NY";
    private const decimal SalesTaxRate = 0.08875m; // New York City combined rate

    private static readonly Product[] Products =
    [
        new("MUG-001", "Stoneware mug", ["Home", "Kitchen", "Mugs"], 4.25m, 12.00m),
        new("TEE-001", "Organic cotton tee", ["Apparel", "Tops"], 6.10m, 18.50m),
        new("CANDLE-01", "Soy candle", ["Home", "Decor"], 3.80m, 14.00m),
        new("TOTE-001", "Canvas tote", ["Accessories", "Bags"], 2.90m, 9.99m),
    ];

    public static async Task SeedAsync(IOperationalStore store, CancellationToken cancellationToken)
    {
        await store.SaveStoreAsync(new Store(StoreId, "Demo Store", "America/New_York", "USD", Jurisdiction), cancellationToken);
        await store.SaveDeviceAsync(new Device(RegisterId, StoreId, DeviceKind.Register), cancellationToken);
        await store.SaveEmployeeAsync(new Employee("EMP-01", StoreId, "Demo Cashier", "cashier"), cancellationToken);
        foreach (var product in Products)
        {
            await store.SaveProductAsync(product, cancellationToken);
        }
    }

    /// <summary>Two mugs and a tee, taxed per line, paid with a round cash amount, at the store's local time; fresh ids each time.</summary>
    public static PosEvent ExampleSale(TimeProvider clock)
    {
        var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        SaleLine Line(int no, Product product, int quantity) =>
            new(no, product.Sku, quantity, product.UnitPrice,
                Taxes: [new LineTax(Jurisdiction, decimal.Round(quantity * product.UnitPrice * SalesTaxRate, 2, MidpointRounding.AwayFromZero))]);

        var lines = new[] { Line(1, Products[0], 2), Line(2, Products[1], 1) };
        var total = lines.Sum(l => l.Total);
        var cash = decimal.Ceiling(total / 10m) * 10.00m;
        var sale = new SaleRecorded($"DEMO-{now:yyyyMMdd-HHmmss}", "USD", lines, [new Tender(1, TenderKind.Cash, cash)], cash - total, EmployeeId: "EMP-01");
        return new PosEvent($"demo-{Guid.NewGuid()}", StoreId, RegisterId, now, sale);
    }
}
