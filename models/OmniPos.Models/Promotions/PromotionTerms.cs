using OmniPos.Warehouse.Promotions;

namespace OmniPos.Models.Promotions;

/// <summary>
/// One estimate of a promotion's effect as its terms: the lift on its SKUs while it ran, and its cross-effects (see
/// <see cref="CrossEffect"/>), with the model's relative error on a baseline. A cross-effect whose rates were pooled
/// across the promotions (<see cref="RatePool"/>) is the pooled rate times its group's baseline; one that was not
/// is what its group sold against its baseline.
/// </summary>
internal sealed record PromotionTerms(PromotionTerm? Lift, IReadOnlyDictionary<CrossEffect, PromotionTerm> Cross, double ModelError)
{
    /// <summary>The cross-effect in units as a share of its group's baseline; none where that baseline is empty.</summary>
    public Rate? RateOf(CrossEffect effect)
    {
        if (!Cross.TryGetValue(effect, out var term) || term.Baseline(MeasureTotals.Units) is var baseline && baseline <= 0)
        {
            return null;
        }

        return new Rate(effect.Sign() * term.Effect(MeasureTotals.Units) / baseline, PromotionTerm.Variance([term], MeasureTotals.Units, ModelError) / (baseline * baseline));
    }

    /// <summary>The terms with the shifts given for their spans in place of those they had.</summary>
    public PromotionTerms Shifted(IReadOnlyDictionary<Span, Calibration> shifts)
    {
        PromotionTerm Shift(PromotionTerm term) => shifts.TryGetValue(term.Span, out var shift) ? term with { Shift = shift } : term;
        return this with { Lift = Lift is null ? null : Shift(Lift), Cross = Cross.ToDictionary(c => c.Key, c => Shift(c.Value)) };
    }

    public PromotionEffects Effects(int measure, IReadOnlyDictionary<CrossEffect, RatePool> pools, double z)
    {
        // What is not pooled shares the calibration and the model's error with the lift, so their variance is taken jointly.
        List<PromotionTerm> lifted = Lift is null ? [] : [Lift];
        var lift = Estimate.Of(lifted.Sum(t => t.Effect(measure)), PromotionTerm.Variance(lifted, measure, ModelError), z);
        var (joint, incremental, pooledVariance) = (new List<PromotionTerm>(lifted), lift.Value, 0.0);
        var amounts = new Dictionary<CrossEffect, Estimate>();
        foreach (var effect in Enum.GetValues<CrossEffect>())
        {
            if (!Cross.TryGetValue(effect, out var term))
            {
                amounts[effect] = Estimate.Of(0, 0, z);
            }
            else if (pools.TryGetValue(effect, out var pool) && RateOf(effect) is { } own)
            {
                var rate = pool.Shrink(own);
                var baseline = term.Baseline(measure);
                var variance = (baseline * baseline * rate.Variance) + (rate.Value * rate.Value * term.BaselineVariance(measure, ModelError));
                amounts[effect] = Estimate.Of(rate.Value * baseline, variance, z);
                incremental += effect.Sign() * rate.Value * baseline;
                pooledVariance += variance;
            }
            else
            {
                amounts[effect] = Estimate.Of(effect.Sign() * term.Effect(measure), PromotionTerm.Variance([term], measure, ModelError), z);
                incremental += term.Effect(measure);
                joint.Add(term);
            }
        }

        return new PromotionEffects(lift, amounts[CrossEffect.Cannibalization], amounts[CrossEffect.Halo], amounts[CrossEffect.Dip],
            Estimate.Of(incremental, PromotionTerm.Variance(joint, measure, ModelError) + pooledVariance, z));
    }
}
