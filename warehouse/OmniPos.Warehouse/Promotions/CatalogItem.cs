namespace OmniPos.Warehouse.Promotions;

/// <summary>
/// Where a sellable SKU sits in the catalog for promotion analysis: its department (the top of its category path) and its
/// leaf category (the bottom), where substitutes of one another sit; its standard cost and list price.
/// </summary>
public sealed record CatalogItem(string Sku, string Department, string Leaf, decimal UnitCost, decimal UnitPrice);
