using OmniPos.Warehouse.Promotions;

namespace OmniPos.Models.Promotions;

/// <summary>
/// One promotion measured (see <see cref="PromotionMeasurement"/>), its cross-effects not yet pooled with the other
/// promotions': its terms against the calibrated model, and for a regional promotion against the stores where it did not run.
/// </summary>
internal sealed record MeasuredPromotion(
    PromotionScope Scope, int Skus, int Locations, IReadOnlyList<string> Complements, bool Complete, double BaselineUnits, double PromotedUnits,
    PromotionTerms Terms, PromotionTerms? AgainstOtherStores)
{
    public PromotionResult Result(IReadOnlyDictionary<CrossEffect, CrossEffectPool> pools, double z) =>
        new(Scope.PromotionId, Scope.Name, Scope.StartsOn, Scope.EndsOn, Skus, Locations, Complements, Complete, BaselineUnits, PromotedUnits,
            Terms.Effects(MeasureTotals.Units, pools, z), Terms.Effects(MeasureTotals.Revenue, pools, z), Terms.Effects(MeasureTotals.Margin, pools, z),
            AgainstOtherStores?.Effects(MeasureTotals.Units, pools, z));
}
