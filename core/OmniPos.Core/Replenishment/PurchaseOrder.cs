namespace OmniPos.Core.Replenishment;

/// <summary>
/// Units of a SKU ordered from a supplier for a store. Receipts that name the order as their reference count against it;
/// what they have not brought yet is on order.
/// </summary>
public sealed record PurchaseOrder(string OrderId, string StoreId, string Sku, int Units, DateTimeOffset PlacedAt, int ReceivedUnits)
{
    public int OnOrder => Math.Max(0, Units - ReceivedUnits);
}
