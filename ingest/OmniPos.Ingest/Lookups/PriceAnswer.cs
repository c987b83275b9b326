namespace OmniPos.Ingest.Lookups;

/// <summary>What a SKU sells for at a store now, and where that price comes from.</summary>
/// <param name="Source"><c>list</c> for the product's list price, <c>changed</c> for a price change recorded at the store.</param>
/// <param name="ChangedAtSeq">The seq of that price change.</param>
internal sealed record PriceAnswer(string Sku, string StoreId, decimal UnitPrice, string Currency, string Source, long? ChangedAtSeq, string? PromotionId);
