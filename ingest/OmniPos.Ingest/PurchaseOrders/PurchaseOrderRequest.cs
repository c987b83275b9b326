namespace OmniPos.Ingest.PurchaseOrders;

/// <summary>A purchase order as posted: its id (the reference its receipts will name), the store, the SKU and the units ordered.</summary>
internal sealed record PurchaseOrderRequest(string OrderId, string StoreId, string Sku, int Units);
