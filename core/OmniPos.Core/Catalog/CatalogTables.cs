using System.Collections.Frozen;
using System.Data.Common;
using System.Text.Json;
using OmniPos.Core.Storage;

namespace OmniPos.Core.Catalog;

/// <summary>The catalog's tables as the migrations define them, one <see cref="CatalogTable{T}"/> per kind of entry.</summary>
internal static class CatalogTables
{
    public static CatalogTable<Store> Stores { get; } = new("stores", "store_id", ["name", "time_zone", "currency", "tax_jurisdiction"],
        s => [s.StoreId, s.Name, s.TimeZone, s.Currency, s.TaxJurisdiction],
        r => new Store(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3).Trim(), r.GetString(4)),
        _ => null, CatalogRules.Check);

    public static CatalogTable<Device> Devices { get; } = new("devices", "device_id", ["store_id", "kind"],
        d => [d.DeviceId, d.StoreId, EnumText.Of(d.Kind)],
        r => new Device(r.GetString(0), r.GetString(1), EnumText.Parse<DeviceKind>(r.GetString(2))),
        d => d.StoreId, _ => { });

    public static CatalogTable<Product> Products { get; } = new("products", "sku", ["name", "category_path", "unit_cost", "unit_price"],
        p => [p.Sku, p.Name, JsonSerializer.Serialize(p.CategoryPath), p.UnitCost, p.UnitPrice],
        r => new Product(r.GetString(0), r.GetString(1), JsonSerializer.Deserialize<string[]>(r.GetString(2))!, StoredAmount.Read(r, 3), StoredAmount.Read(r, 4)),
        _ => null, CatalogRules.Check);

    public static CatalogTable<Promotion> Promotions { get; } = new("promotions", "promotion_id", ["name", "starts_on", "ends_on"],
        p => [p.PromotionId, p.Name, p.StartsOn, p.EndsOn],
        r => new Promotion(r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.GetFieldValue<DateOnly>(3)),
        _ => null, CatalogRules.Check);

    public static CatalogTable<Customer> Customers { get; } = new("customers", "customer_id", ["name", "email", "loyalty_tier"],
        c => [c.CustomerId, c.Name, c.Email, c.LoyaltyTier is { } tier ? EnumText.Of(tier) : null],
        r => new Customer(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : EnumText.Parse<LoyaltyTier>(r.GetString(3))),
        _ => null, _ => { });

    public static CatalogTable<Employee> Employees { get; } = new("employees", "employee_id", ["store_id", "name", "role"],
        e => [e.EmployeeId, e.StoreId, e.Name, e.Role],
        r => new Employee(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)),
        e => e.StoreId, _ => { });

    /// <summary>Every table by the type of its entries; initialized after them, as it is written after them.</summary>
    private static readonly FrozenDictionary<Type, object> ByEntryType = new Dictionary<Type, object>
    {
        [typeof(Store)] = Stores, [typeof(Device)] = Devices, [typeof(Product)] = Products,
        [typeof(Promotion)] = Promotions, [typeof(Customer)] = Customers, [typeof(Employee)] = Employees,
    }.ToFrozenDictionary();

    /// <summary>The table of the kind of entry <typeparamref name="T"/> is.</summary>
    public static CatalogTable<T> For<T>() where T : class =>
        ByEntryType.TryGetValue(typeof(T), out var table)
            ? (CatalogTable<T>)table
            : throw new ArgumentException($"{typeof(T).Name} is not a kind of catalog entry", nameof(T));
}
