namespace OmniPos.Core.Pricing;

/// <summary>What a SKU sells for at a store now.</summary>
/// <param name="ChangedAtSeq">The seq of the price change that set it; null while it is the product's list price.</param>
public sealed record ShelfPrice(string Sku, string StoreId, decimal UnitPrice, string Currency, long? ChangedAtSeq, string? PromotionId);
