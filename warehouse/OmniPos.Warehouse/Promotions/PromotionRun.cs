namespace OmniPos.Warehouse.Promotions;

/// <summary>One promotion analysis: when, how many promotions it measured, the confidence of its intervals, how long it took.</summary>
public sealed record PromotionRun(DateTimeOffset AnalysedAt, int Promotions, double Confidence, double Seconds);
