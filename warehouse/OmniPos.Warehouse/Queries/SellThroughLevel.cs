namespace OmniPos.Warehouse.Queries;

/// <summary>What a sell-through row covers within its week and store.</summary>
public enum SellThroughLevel
{
    Sku,
    Category,
    Store,
}
