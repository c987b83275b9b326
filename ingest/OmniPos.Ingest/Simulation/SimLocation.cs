using OmniPos.Core.Catalog;

namespace OmniPos.Ingest.Simulation;

/// <summary>
/// A place that sells: a shop with its registers and staff, the web storefront (which ships from the distribution
/// centre, stock location <see cref="RetailWorld.WebStoreId"/>), or the marketplace presence (which ships from the same centre).
/// </summary>
/// <param name="Size">The shop's demand relative to a mid-size shop; the web's relative to all shops together.</param>
/// <param name="TaxRate">The combined sales-tax rate of the store's jurisdiction.</param>
public sealed record SimLocation(
    int Index,
    Store Store,
    LocationKind Kind,
    double Size,
    decimal TaxRate,
    IReadOnlyList<Device> Devices,
    IReadOnlyList<Employee> Cashiers,
    Employee? Manager)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(Store.TimeZone);

    public string StoreId => Store.StoreId;

    public DateTimeOffset At(DateOnly day, TimeSpan timeOfDay)
    {
        var local = day.ToDateTime(TimeOnly.MinValue) + timeOfDay;
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
