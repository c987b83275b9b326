using OmniPos.Core.Catalog;
using OmniPos.Core.Storage;

namespace OmniPos.Core.Tests.Support;

/// <summary>A small chain every test starts from: one New York store with a register, a web storefront, five products.</summary>
internal static class TestCatalog
{
    public const string StoreId = "NY-01";
    public const string RegisterId = "NY-01-REG-1";
    public const string Warehouse = "DC-EAST";
    public const string PromotionId = "FALL-10";
    public const string EmployeeId = "EMP-7";
    public const string CustomerId = "CUST-42";
    public static readonly string[] Skus = ["SKU-1", "SKU-2", "SKU-3", "SKU-4", "SKU-5"];

    public static async Task SeedAsync(IOperationalStore store)
    {
        var ct = CancellationToken.None;
        await store.SaveStoreAsync(new Store(StoreId, "Fifth Avenue", "America/New_York", "USD", "US-NY"), ct);
        await store.SaveDeviceAsync(new Device(RegisterId, StoreId, DeviceKind.Register), ct);
        foreach (var sku in Skus)
        {
            await store.SaveProductAsync(new Product(sku, $"Product {sku}", ["Home", "Kitchen"], 4.25m, 10.00m), ct);
        }

        await store.SavePromotionAsync(new Promotion(PromotionId, "Fall ten off", new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 30)), ct);
        await store.SaveEmployeeAsync(new Employee(EmployeeId, StoreId, "Ada", "cashier"), ct);
        await store.SaveCustomerAsync(new Customer(CustomerId, "Grace", "grace@example.com"), ct);
    }
}
