namespace OmniPos.Core.Sales;

/// <summary>An amount taken off a line, positive, with the promotion that granted it (none for a manual discount).</summary>
public sealed record Discount(decimal Amount, string? PromotionId = null, string? Reason = null);
