namespace OmniPos.Warehouse.Queries.Rows;

/// <summary>
/// Sell-through of a week at a store, for one SKU, one category or the whole store (null in the columns the level sums
/// over). Net units sold = sold − returned; the percentage follows the variant (DESIGN.md §5): period = net sold ÷
/// (on hand at the week's start + received in it); received = net sold ÷ received; on_hand = net sold ÷ (net sold + on
/// hand at the week's end).
/// </summary>
public sealed record SellThrough(
    DateOnly WeekStart, string StoreId, string? Category, string? Sku, long OpeningOnHand, long Received, long Sold, long Returned,
    long ClosingOnHand, SellThroughVariant Variant)
{
    public long NetSold => Sold - Returned;

    public decimal? Percent => Variant switch
    {
        SellThroughVariant.Received => Ratio.Percent(NetSold, Received),
        SellThroughVariant.OnHand => Ratio.Percent(NetSold, NetSold + ClosingOnHand),
        _ => Ratio.Percent(NetSold, OpeningOnHand + Received),
    };
}
