namespace OmniPos.Core.Ledger;

/// <summary>Units of a SKU at a location: on hand (may be negative when oversold) and reserved for pickup.</summary>
public sealed record StockLevel(string Sku, string Location, int OnHand, int Reserved)
{
    /// <summary>Available to promise.</summary>
    public int Available => OnHand - Reserved;
}
