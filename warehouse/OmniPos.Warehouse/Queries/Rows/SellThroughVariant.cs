namespace OmniPos.Warehouse.Queries.Rows;

/// <summary>Which sell-through formula (DESIGN.md §5); <see cref="Period"/> unless asked otherwise.</summary>
public enum SellThroughVariant
{
    Period,
    Received,
    OnHand,
}
