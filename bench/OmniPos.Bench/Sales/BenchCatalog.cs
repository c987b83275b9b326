using OmniPos.Core.Catalog;
using OmniPos.Core.Storage;

namespace OmniPos.Bench.Sales;

/// <summary>The chain the benchmark sells from: one New York store, its registers and 2,000 products with shelf prices.</summary>
internal sealed record BenchCatalog(Store Store, IReadOnlyList<Device> Registers, IReadOnlyList<Product> Products)
{
    private const int ProductCount = 2_000;

    /// <summary>Seeds the prices and every register's sales, so runs are alike.</summary>
    private const int Seed = 20_261_120;
    private static readonly string[][] Departments =
        [["Home", "Kitchen"], ["Home", "Bath"], ["Apparel", "Women"], ["Apparel", "Men"], ["Toys", "Games"], ["Grocery", "Pantry"]];

    public static BenchCatalog Create(int registers)
    {
        var random = new Random(Seed);
        var store = new Store("BENCH-NY", "Benchmark Fifth Avenue", "America/New_York", "USD", "US-NY");
        return new BenchCatalog(
            store,
            [.. Enumerable.Range(1, registers).Select(r => new Device($"BENCH-NY-REG-{r}", store.StoreId, DeviceKind.Register))],
            [.. Enumerable.Range(1, ProductCount).Select(p =>
            {
                var price = random.Next(99, 20_000) / 100m;
                return new Product($"BENCH-SKU-{p:D5}", $"Benchmark item {p}", Departments[random.Next(Departments.Length)], decimal.Round(price * 0.55m, 2), price);
            })]);
    }

    /// <summary>
    /// A sale generator for each register, each seeded of its own. Their ids carry a tag new to this call, so a run never
    /// meets an earlier run's ids on a shared server.
    /// </summary>
    public IReadOnlyList<SaleFactory> SaleFactories()
    {
        var runTag = RunTag();
        return [.. Registers.Select((register, r) => new SaleFactory(this, register, $"bench-{runTag}-w{r + 1}", Seed + r + 1, TimeProvider.System))];
    }

    public async Task SaveAsync(IOperationalStore store, CancellationToken cancellationToken)
    {
        await store.SaveStoreAsync(Store, cancellationToken);
        foreach (var register in Registers)
        {
            await store.SaveDeviceAsync(register, cancellationToken);
        }

        foreach (var product in Products)
        {
            await store.SaveProductAsync(product, cancellationToken);
        }
    }

    /// <summary>Letters only, so ids stay free of long digit runs (a 13–19 digit run would be refused as a card number).</summary>
    public static string RunTag() => new(Random.Shared.GetItems<char>("abcdefghijklmnopqrstuvwxyz", 8));
}
