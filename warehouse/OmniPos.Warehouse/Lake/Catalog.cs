using OmniPos.Core.Catalog;

namespace OmniPos.Warehouse.Lake;

/// <summary>
/// What landing needs of the catalog to make fact rows: each store's time zone (for business days), each device's
/// channel, each product's standard cost; and the whole catalog for the dimensions. Read afresh from the operational
/// store for every landing run.
/// </summary>
internal sealed class Catalog
{
    private readonly Dictionary<string, TimeZoneInfo> _zones;
    private readonly Dictionary<string, string> _channels;
    private readonly Dictionary<string, Product> _products;

    public Catalog(IReadOnlyList<Store> stores, IReadOnlyList<Device> devices, IReadOnlyList<Product> products,
        IReadOnlyList<Promotion> promotions, IReadOnlyList<Customer> customers, IReadOnlyList<Employee> employees)
    {
        Stores = stores;
        Devices = devices;
        Products = products;
        Promotions = promotions;
        Customers = customers;
        Employees = employees;
        _zones = stores.ToDictionary(s => s.StoreId, s => TimeZoneInfo.FindSystemTimeZoneById(s.TimeZone), StringComparer.Ordinal);
        _channels = devices.ToDictionary(d => d.DeviceId, d => ChannelOf(d.Kind), StringComparer.Ordinal);
        _products = products.ToDictionary(p => p.Sku, StringComparer.Ordinal);
    }

    public IReadOnlyList<Store> Stores { get; }

    public IReadOnlyList<Device> Devices { get; }

    public IReadOnlyList<Product> Products { get; }

    public IReadOnlyList<Promotion> Promotions { get; }

    public IReadOnlyList<Customer> Customers { get; }

    public IReadOnlyList<Employee> Employees { get; }

    /// <summary>The store's local calendar day at the instant.</summary>
    public DateOnly BusinessDate(string storeId, DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone(storeId)).DateTime);

    public string Channel(string deviceId) =>
        _channels.TryGetValue(deviceId, out var channel) ? channel : throw Missing("device", deviceId);

    public decimal UnitCost(string sku) => Product(sku).UnitCost;

    public bool IsGiftCard(string sku) => IsGiftCard(Product(sku));

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

    private TimeZoneInfo Zone(string storeId) => _zones.TryGetValue(storeId, out var zone) ? zone : throw Missing("store", storeId);

    private Product Product(string sku) => _products.TryGetValue(sku, out var product) ? product : throw Missing("product", sku);

    // The core accepts events only for catalog entries that exist, and entries are never deleted; a miss is a bug.
    private static InvalidOperationException Missing(string kind, string id) => new($"the event log names {kind} '{id}', which the catalog does not hold");
}
