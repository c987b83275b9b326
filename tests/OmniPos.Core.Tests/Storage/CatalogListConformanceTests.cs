using OmniPos.Core.Catalog;
using OmniPos.Core.Tests.Support;

namespace OmniPos.Core.Tests.Storage;

/// <summary>Listing the catalog: every saved entry of a kind, once, as last saved, by id. Every engine enrolls unchanged.</summary>
public abstract class CatalogListConformanceTests : StoreTestBase
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Every_saved_entry_of_each_kind_is_listed_whole_in_id_order()
    {
        // Saved out of id order, with ids that sort differently as text than as numbers and in upper and lower case.
        Store[] stores = [new("NJ-02", "Newark", "America/New_York", "USD", "US-NJ"), new("BOS-1", "Boston", "America/New_York", "USD", "US-MA")];
        Device[] devices = [new("NY-01-WEB", TestCatalog.StoreId, DeviceKind.Storefront), new("NJ-02-KIOSK-1", "NJ-02", DeviceKind.Kiosk)];
        Product[] products = [new("SKU-10", "Teapot", ["Home", "Kitchen", "Tea"], 7.10m, 24.50m), new("mug-2", "Small mug", [], 0m, 0.99m), new("MUG-1", "Mug", ["Home"], 1.00m, 3.00m)];
        Promotion[] promotions = [new("SPRING-5", "Spring five off", new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31)), new("BF", "Black Friday", new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 27))];
        Employee[] employees = [new("EMP-10", "NJ-02", "Alan", "manager"), new("EMP-1", TestCatalog.StoreId, "Grace", "cashier")];
        Customer[] customers = [new("CUST-7", "Edsger"), new("CUST-100", "Barbara", "barbara@example.com")];
        foreach (var store in stores)
        {
            await Store.SaveStoreAsync(store, None);
        }

        foreach (var device in devices)
        {
            await Store.SaveDeviceAsync(device, None);
        }

        await Store.SaveProductsAsync(products, None);
        foreach (var (promotion, employee, customer) in promotions.Zip(employees, customers))
        {
            await Store.SavePromotionAsync(promotion, None);
            await Store.SaveEmployeeAsync(employee, None);
            await Store.SaveCustomerAsync(customer, None);
        }

        await AssertListedAsync([TestCatalog.HomeStore, .. stores], s => s.StoreId);
        await AssertListedAsync([TestCatalog.Register, .. devices], d => d.DeviceId);
        await AssertListedAsync([.. TestCatalog.Products, .. products], p => p.Sku, ProductContent);
        await AssertListedAsync([TestCatalog.Promotion, .. promotions], p => p.PromotionId);
        await AssertListedAsync([TestCatalog.Employee, .. employees], e => e.EmployeeId);
        await AssertListedAsync([TestCatalog.Customer, .. customers], c => c.CustomerId);
    }

    [Fact]
    public async Task An_entry_saved_again_is_listed_once_with_what_was_saved_last()
    {
        var store = TestCatalog.HomeStore with { Name = "Fifth Avenue flagship" };
        var device = TestCatalog.Register with { Kind = DeviceKind.Kiosk };
        var product = TestCatalog.Products[2] with { Name = "Renamed", CategoryPath = ["Garden"], UnitPrice = 12.00m };
        var promotion = TestCatalog.Promotion with { EndsOn = new DateOnly(2026, 12, 31) };
        var employee = TestCatalog.Employee with { Role = "manager" };
        var customer = TestCatalog.Customer with { Email = null };
        await Store.SaveStoreAsync(store, None);
        await Store.SaveDeviceAsync(device, None);
        await Store.SaveProductAsync(product, None);
        await Store.SaveProductsAsync([product with { UnitCost = 5.00m }], None);
        await Store.SavePromotionAsync(promotion, None);
        await Store.SaveEmployeeAsync(employee, None);
        await Store.SaveCustomerAsync(customer, None);

        await AssertListedAsync([TestCatalog.HomeStore, store], s => s.StoreId);
        await AssertListedAsync([TestCatalog.Register, device], d => d.DeviceId);
        await AssertListedAsync([.. TestCatalog.Products, product, product with { UnitCost = 5.00m }], p => p.Sku, ProductContent);
        await AssertListedAsync([TestCatalog.Promotion, promotion], p => p.PromotionId);
        await AssertListedAsync([TestCatalog.Employee, employee], e => e.EmployeeId);
        await AssertListedAsync([TestCatalog.Customer, customer], c => c.CustomerId);
    }

    [Fact]
    public async Task Listing_a_type_that_is_not_a_kind_of_catalog_entry_is_refused()
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Store.ListCatalogAsync<Uri>(None));

        Assert.Contains("Uri is not a kind of catalog entry", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Asserts the store lists what was saved, in the order saved: each id once with its last content, ordered by id as
    /// ordinal text (the same order on every engine).
    /// </summary>
    private async Task AssertListedAsync<T>(IEnumerable<T> saved, Func<T, string> id, Func<T, object>? content = null) where T : class
    {
        content ??= entry => entry;
        var expected = saved.GroupBy(id).Select(g => g.Last()).OrderBy(id, StringComparer.Ordinal).Select(content).ToList();

        var listed = await Store.ListCatalogAsync<T>(None);

        Assert.Equal(expected, listed.Select(content));
    }

    /// <summary>A product compared by value: its category path is a list, which record equality compares by reference.</summary>
    private static object ProductContent(Product p) => (p.Sku, p.Name, string.Join(" > ", p.CategoryPath), p.UnitCost, p.UnitPrice);
}
