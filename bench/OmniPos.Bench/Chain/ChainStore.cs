using OmniPos.Core.Catalog;

namespace OmniPos.Bench.Chain;

/// <summary>One store of the chain: its registers, the web storefront it runs (if any), its time zone and sales tax.</summary>
internal sealed record ChainStore(Store Store, IReadOnlyList<Device> Registers, Device? Storefront, TimeZoneInfo Zone, decimal TaxRate)
{
    public IEnumerable<Device> Devices => Storefront is null ? Registers : [.. Registers, Storefront];

    public static ChainStore Create(string tag, int number, bool eastern, bool webStorefront)
    {
        var (zone, jurisdiction, rate) = eastern ? ("America/New_York", "US-NY", 0.08875m) : ("America/Los_Angeles", "US-CA", 0.095m);
        var store = new Store($"{tag}-s{number:D2}", $"Store {number:D2}", zone, "USD", jurisdiction);
        return new ChainStore(
            store,
            [.. Enumerable.Range(1, ChainCatalog.RegistersPerStore).Select(r => new Device($"{store.StoreId}-reg{r}", store.StoreId, DeviceKind.Register))],
            webStorefront ? new Device($"{store.StoreId}-web", store.StoreId, DeviceKind.Storefront) : null,
            TimeZoneInfo.FindSystemTimeZoneById(zone),
            rate);
    }

    /// <summary>The id of the store's cashier number <paramref name="number"/> (from 1).</summary>
    public string Cashier(int number) => $"{Store.StoreId}-emp{number}";

    /// <summary>The instant of a local time of the store, with the offset its zone has then.</summary>
    public DateTimeOffset At(DateOnly day, TimeSpan timeOfDay)
    {
        var local = day.ToDateTime(TimeOnly.MinValue) + timeOfDay;
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
