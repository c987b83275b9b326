using OmniPos.Core.Events;

namespace OmniPos.Core.Pricing;

/// <summary>
/// The shelf price of a SKU at the event's store changes from the event's time on: a markdown, a price rise, or a
/// promotion's price (naming the promotion). Until a store has one, its shelf price is the product's list price.
/// </summary>
public sealed record PriceChanged(string Sku, decimal UnitPrice, string? PromotionId = null, string? Reason = null) : EventBody;
