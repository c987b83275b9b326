using OmniPos.Core.Catalog;
using OmniPos.Core.Storage;

namespace OmniPos.Bench.Chain;

/// <summary>
/// The chain the warehouse benchmark lands: 50 stores (30 in New York's time zone, 20 in Los Angeles'), four registers
/// each, a web storefront run from one store of each zone, three cashiers per store, 2,000 products in a three-level
/// category tree (three of them gift cards), a holiday promotion and a thousand loyalty customers. Seeded, so every run
/// saves the same catalog; the ids carry a tag of the run (see <see cref="ChainSimulation"/>).
/// </summary>
internal sealed record ChainCatalog(
    IReadOnlyList<ChainStore> Stores,
    IReadOnlyList<Product> Products,
    IReadOnlyList<Product> GiftCards,
    IReadOnlyList<Employee> Employees,
    IReadOnlyList<Customer> Customers,
    Promotion Holiday)
{
    public const int StoreCount = 50;
    public const int RegistersPerStore = 4;
    public const int CashiersPerStore = 3;
    public const int ProductCount = 2_000;
    private const int EasternStores = 30;
    private const int CustomerCount = 1_000;
    private const int Seed = 20_260_401;

    /// <summary>The top level of the category tree, each with its subcategories; every subcategory has four leaves.</summary>
    private static readonly (string Name, string[] Subcategories)[] Departments =
    [
        ("Home", ["Kitchen", "Bath", "Bedding", "Decor"]),
        ("Apparel", ["Women", "Men", "Kids", "Accessories"]),
        ("Toys", ["Games", "Puzzles", "Outdoor", "Baby"]),
        ("Grocery", ["Pantry", "Snacks", "Beverages", "Household"]),
        ("Electronics", ["Audio", "Phones", "Computing", "Cables"]),
        ("Beauty", ["Skin", "Hair", "Fragrance", "Makeup"]),
        ("Sports", ["Fitness", "Cycling", "Camping", "Team sports"]),
        ("Books", ["Fiction", "Children", "Cooking", "Travel"]),
    ];

    private static readonly string[] Leaves = ["Basics", "Premium", "Seasonal", "Value"];
    private static readonly decimal[] GiftCardValues = [25m, 50m, 100m];

    /// <summary>The departments the holiday promotion discounts.</summary>
    public static IReadOnlySet<string> PromotedDepartments { get; } = new HashSet<string>(["Toys", "Electronics"], StringComparer.Ordinal);

    public IEnumerable<Device> Devices => Stores.SelectMany(s => s.Devices);

    public static ChainCatalog Create(string tag)
    {
        var random = new Random(Seed);
        var stores = Enumerable.Range(1, StoreCount).Select(n => ChainStore.Create(tag, n, n <= EasternStores, webStorefront: n is 1 or EasternStores + 1)).ToList();
        var giftCards = GiftCardValues.Select(value => new Product($"{tag}-gift-{value:0}", $"Gift card {value:0}", ["Gift cards"], 0m, value)).ToList();
        var products = Enumerable.Range(1, ProductCount - giftCards.Count).Select(n =>
        {
            var (department, subcategories) = Departments[random.Next(Departments.Length)];
            var price = decimal.Round((decimal)Math.Exp(random.NextDouble() * Math.Log(200)) + 0.99m, 2);
            var cost = decimal.Round(price * (0.40m + (0.30m * (decimal)random.NextDouble())), 2);
            return new Product($"{tag}-sku-{n:D4}", $"Item {n}", [department, subcategories[random.Next(subcategories.Length)], Leaves[random.Next(Leaves.Length)]], cost, price);
        }).ToList();
        var employees = stores.SelectMany(s => Enumerable.Range(1, CashiersPerStore).Select(c => new Employee(s.Cashier(c), s.Store.StoreId, $"Cashier {c} of {s.Store.Name}", "cashier"))).ToList();
        var customers = Enumerable.Range(1, CustomerCount).Select(n => new Customer($"{tag}-cust-{n:D4}", $"Customer {n}")).ToList();
        return new ChainCatalog(stores, products, giftCards, employees, customers,
            new Promotion($"{tag}-holiday", "Holiday fifteen off", new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 24)));
    }

    public async Task SaveAsync(IOperationalStore store, CancellationToken cancellationToken)
    {
        foreach (var chainStore in Stores)
        {
            await store.SaveStoreAsync(chainStore.Store, cancellationToken);
            foreach (var device in chainStore.Devices)
            {
                await store.SaveDeviceAsync(device, cancellationToken);
            }
        }

        await store.SaveProductsAsync([.. Products, .. GiftCards], cancellationToken);
        await store.SavePromotionAsync(Holiday, cancellationToken);
        foreach (var employee in Employees)
        {
            await store.SaveEmployeeAsync(employee, cancellationToken);
        }

        foreach (var customer in Customers)
        {
            await store.SaveCustomerAsync(customer, cancellationToken);
        }
    }
}
