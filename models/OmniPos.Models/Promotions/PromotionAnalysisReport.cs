using OmniPos.Warehouse.Promotions;

namespace OmniPos.Models.Promotions;

/// <summary>An analysis run: the promotions measured, ranked by incremental margin, and those it could not measure yet, with why.</summary>
public sealed record PromotionAnalysisReport(IReadOnlyList<PromotionResult> Results, IReadOnlyList<(string PromotionId, string Reason)> Skipped, TimeSpan Elapsed)
{
    public static PromotionAnalysisReport Empty { get; } = new([], [], TimeSpan.Zero);
}
