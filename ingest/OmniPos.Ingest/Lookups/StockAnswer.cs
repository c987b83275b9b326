namespace OmniPos.Ingest.Lookups;

/// <summary>Units of a SKU at a location: on hand, reserved for pickup, and available to promise (on hand − reserved).</summary>
internal sealed record StockAnswer(string Sku, string Location, int OnHand, int Reserved, int Available);
