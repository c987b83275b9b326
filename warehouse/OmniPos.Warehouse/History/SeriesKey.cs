namespace OmniPos.Warehouse.History;

/// <summary>One demand series: a SKU at a location (a store, or the web channel's fulfilment location).</summary>
public readonly record struct SeriesKey(string Sku, string Location)
{
    public override string ToString() => $"{Sku}@{Location}";
}
