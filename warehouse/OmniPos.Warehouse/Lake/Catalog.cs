using OmniPos.Core.Catalog;

namespace OmniPos.Warehouse.Lake;

/// <summary>
/// The catalog the dimensions are made from (and through them each store's time zone, each device's channel and each
/// product's standard cost, which landing reads when it makes fact rows). Read afresh from the operational store for
/// every landing run.
/// </summary>
internal sealed class Catalog
{
    public Catalog(IReadOnlyList<Store> stores, IReadOnlyList<Device> devices, IReadOnlyList<Product> products,
        IReadOnlyList<Promotion> promotions, IReadOnlyList<Customer> customers, IReadOnlyList<Employee> employees)
    {
        Stores = stores;
        Devices = devices;
        Products = products;
        Promotions = promotions;
        Customers = customers;
        Employees = employees;
    }

    public IReadOnlyList<Store> Stores { get; }

    public IReadOnlyList<Device> Devices { get; }

    public IReadOnlyList<Product> Products { get; }

    public IReadOnlyList<Promotion> Promotions { get; }

    public IReadOnlyList<Customer> Customers { get; }

    public IReadOnlyList<Employee> Employees { get; }

    /// <summary>Gift cards are products filed under a top category named "Gift cards": selling one is not revenue (AOV leaves it out).</summary>
    public static bool IsGiftCard(Product product) =>
        product.CategoryPath.Count > 0 && string.Equals(product.CategoryPath[0], "Gift cards", StringComparison.OrdinalIgnoreCase);

    /// <summary>Registers, kiosks and handhelds sell in the store; storefronts on the web; marketplace devices on a marketplace.</summary>
    public static string ChannelOf(DeviceKind kind) => kind switch
    {
        DeviceKind.Storefront => "web",
        DeviceKind.Marketplace => "marketplace",
        _ => "store",
    };
}
