using OmniPos.Core.Catalog;
using OmniPos.Core.Storage;

namespace OmniPos.Core.Tests.Support;

/// <summary>A small chain every test starts from: one New York store with a register, five products, a promotion, an employee and a customer.</summary>
internal static class TestCatalog
{
    public const string StoreId = "NY-01";
    public const string RegisterId = "NY-01-REG-1";
    public const string Warehouse = "DC-EAST";
    public const string PromotionId = "FALL-10";
    public const string EmployeeId = "EMP-7";
    public const string CustomerId = "CUST-42";
    public static readonly string[] Skus = ["SKU-1", "SKU-2", "SKU-3", "SKU-4", "SKU-5"];

    public static Store HomeStore { get; } = new(StoreId, "Fifth Avenue", "America/New_York", "USD", "US-NY");

    public static Device Register { get; } = new(RegisterId, StoreId, DeviceKind.Register);

    public static IReadOnlyList<Product> Products { get; } = [.. Skus.Select(sku => new Product(sku, $"Product {sku}", ["Home", "Kitchen"], 4.25m, 10.00m))];

    public static Promotion Promotion { get; } = new(PromotionId, "Fall ten off", new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 30));

    public static Employee Employee { get; } = new(EmployeeId, StoreId, "Ada", "cashier");

    public static Customer Customer { get; } = new(CustomerId, "Grace", "grace@example.com");

    public static async Task SeedAsync(IOperationalStore store)
    {
        var ct = CancellationToken.None;
        await store.SaveStoreAsync(HomeStore, ct);
        await store.SaveDeviceAsync(Register, ct);
        foreach (var product in Products)
        {
            await store.SaveProductAsync(product, ct);
        }

        await store.SavePromotionAsync(Promotion, ct);
        await store.SaveEmployeeAsync(Employee, ct);
        await store.SaveCustomerAsync(Customer, ct);
    }
}
