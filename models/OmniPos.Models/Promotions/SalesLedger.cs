using OmniPos.Warehouse.Promotions;

namespace OmniPos.Models.Promotions;

/// <summary>The landed sales of the analysed days by SKU, location and day.</summary>
internal sealed class SalesLedger(IEnumerable<SeriesSales> sales)
{
    private readonly Dictionary<(string Sku, string Location, DateOnly Day), SeriesSales> _sales =
        sales.ToDictionary(s => (s.Sku, s.Location, s.BusinessDate));

    public SeriesSales? Find(string sku, string location, DateOnly day) => _sales.GetValueOrDefault((sku, location, day));
}
