namespace OmniPos.Models.Replenishment;

/// <summary>
/// What to do for a SKU at a location at or under its reorder point: bring <see cref="Units"/> from another store's
/// surplus (<see cref="FromLocation"/>), or, with none left, buy them (<see cref="FromLocation"/> null; whole cases, at
/// least the minimum).
/// </summary>
public sealed record SuggestedOrder(string Sku, string Location, int Available, int ReorderPoint, int OrderUpTo, int Units, string? FromLocation)
{
    public bool IsTransfer => FromLocation is not null;
}
