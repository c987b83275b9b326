namespace OmniPos.Warehouse.Promotions;

/// <summary>
/// A promotion as the landed sales show it: its dates (<c>dim_promotion</c>), the SKUs whose lines carried its discount
/// and the stock locations that sold them so.
/// </summary>
public sealed record PromotionScope(string PromotionId, string Name, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<string> Skus, IReadOnlyList<string> Locations)
{
    public int Days => EndsOn.DayNumber - StartsOn.DayNumber + 1;
}
