using OmniPos.Warehouse.Promotions;

namespace OmniPos.Models.Promotions;

/// <summary>
/// One promotion measured (see <see cref="PromotionMeasurement"/>), not yet pooled with the other promotions: its terms
/// against the calibrated model, the control's shift over each span as measured, and for a regional promotion
/// its terms against the stores where it did not run.
/// </summary>
internal sealed record MeasuredPromotion(
    PromotionScope Scope, int Skus, int Locations, IReadOnlyList<string> Complements, bool Complete, PromotionTerms Terms,
    IReadOnlyDictionary<Span, Calibration> ControlShifts, PromotionTerms? AgainstOtherStores)
{
    /// <summary>The promotion with its control shifts shrunk toward the run's (<see cref="RatePool"/>), its terms calibrated by them.</summary>
    public MeasuredPromotion Shifted(IReadOnlyDictionary<Span, RatePool> pools)
    {
        var pooled = ControlShifts.Where(shift => pools.ContainsKey(shift.Key) && shift.Value.Variance > 0)
            .ToDictionary(shift => shift.Key, shift => Calibration.FromDeviation(pools[shift.Key].Shrink(shift.Value.Deviation)));
        return this with { Terms = Terms.Shifted(pooled) };
    }

    public PromotionResult Result(IReadOnlyDictionary<CrossEffect, RatePool> pools, double z) =>
        new(Scope.PromotionId, Scope.Name, Scope.StartsOn, Scope.EndsOn, Skus, Locations, Complements, Complete,
            Terms.Lift?.Baseline(MeasureTotals.Units) ?? 0, Terms.Lift?.Totals.Actual[MeasureTotals.Units] ?? 0,
            Terms.Effects(MeasureTotals.Units, pools, z), Terms.Effects(MeasureTotals.Revenue, pools, z), Terms.Effects(MeasureTotals.Margin, pools, z),
            AgainstOtherStores?.Effects(MeasureTotals.Units, pools, z));
}
