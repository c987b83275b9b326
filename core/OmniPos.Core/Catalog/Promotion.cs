namespace OmniPos.Core.Catalog;

/// <summary>A promotion that discounts lines; its dates are inclusive business days.</summary>
public sealed record Promotion(string PromotionId, string Name, DateOnly StartsOn, DateOnly EndsOn);
