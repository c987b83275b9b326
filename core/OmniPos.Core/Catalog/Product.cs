namespace OmniPos.Core.Catalog;

/// <summary>A sellable item.</summary>
/// <param name="CategoryPath">Category from the top down, e.g. ["Home", "Kitchen", "Mugs"].</param>
/// <param name="UnitCost">Standard cost per unit; receipts carry their own actual cost.</param>
/// <param name="UnitPrice">Current shelf price.</param>
public sealed record Product(string Sku, string Name, IReadOnlyList<string> CategoryPath, decimal UnitCost, decimal UnitPrice);
