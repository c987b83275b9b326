namespace OmniPos.Core.Replenishment;

/// <summary>A SKU's position at a location: on hand, reserved for pickup, and ordered from suppliers but not yet received.</summary>
public sealed record StockPosition(string Sku, string Location, int OnHand, int Reserved, int OnOrder)
{
    /// <summary>What replenishment compares with the reorder point: on hand − reserved + on order.</summary>
    public int Available => OnHand - Reserved + OnOrder;
}
