using OmniPos.Core.Catalog;
using OmniPos.Core.Storage;

namespace OmniPos.Bench.Sales;

/// <summary>The chain the benchmark sells from: one New York store, its registers and a range of products with shelf prices.</summary>
internal sealed record BenchCatalog(Store Store, IReadOnlyList<Device> Registers, IReadOnlyList<Product> Products)
{
    private static readonly string[][] Departments =
        [["Home", "Kitchen"], ["Home", "Bath"], ["Apparel", "Women"], ["Apparel", "Men"], ["Toys", "Games"], ["Grocery", "Pantry"]];

    public static BenchCatalog Create(int registers, int products, int seed)
    {
        var random = new Random(seed);
        var store = new Store("BENCH-NY", "Benchmark Fifth Avenue", "America/New_York", "USD", "US-NY");
        return new BenchCatalog(
            store,
            [.. Enumerable.Range(1, registers).Select(r => new Device($"BENCH-NY-REG-{r}", store.StoreId, DeviceKind.Register))],
            [.. Enumerable.Range(1, products).Select(p =>
            {
                var price = random.Next(99, 20_000) / 100m;
                return new Product($"BENCH-SKU-{p:D5}", $"Benchmark item {p}", Departments[random.Next(Departments.Length)], decimal.Round(price * 0.55m, 2), price);
            })]);
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
}
