namespace OmniPos.Models.Promotions;

/// <summary>
/// One rate across the promotions of a run (a cross-effect, or the control's shift over a span), pooled: a promotion's
/// own rate is shrunk toward their mean as far as its own noise exceeds how much the rates truly differ. A halo a few per
/// cent of a large group is lost in that group's noise, but what one promotion measures badly, twenty measure well together.
/// </summary>
/// <remarks>
/// A random-effects model: each rate is the promotion's true rate plus its sampling and model error (its variance), and
/// the true rates scatter about a mean with a spread the rates themselves show (DerSimonian and Laird's moment estimate).
/// The spread is what keeps the pooling honest: where the rates differ beyond their noise, each keeps more of its own.
/// </remarks>
internal sealed class RatePool
{
    /// <summary>Fewer promotions than this show no spread to trust: each keeps its own rate.</summary>
    public const int MinimumPromotions = 3;

    private RatePool(double mean, double meanVariance, double spread) => (Mean, MeanVariance, Spread) = (mean, meanVariance, spread);

    public double Mean { get; }

    public double MeanVariance { get; }

    /// <summary>The variance of the true rates about their mean.</summary>
    public double Spread { get; }

    public static RatePool? Of(IReadOnlyList<Rate> rates)
    {
        var measured = rates.Where(r => r.Variance > 0 && double.IsFinite(r.Value)).ToList();
        if (measured.Count < MinimumPromotions)
        {
            return null;
        }

        var weights = measured.Select(r => 1 / r.Variance).ToList();
        var (sum, squares) = (weights.Sum(), weights.Sum(w => w * w));
        var fixedMean = measured.Select((r, i) => weights[i] * r.Value).Sum() / sum;
        var heterogeneity = measured.Select((r, i) => weights[i] * (r.Value - fixedMean) * (r.Value - fixedMean)).Sum();
        var spread = Math.Max(0, (heterogeneity - (measured.Count - 1)) / (sum - (squares / sum)));
        var pooledWeights = measured.Select(r => 1 / (r.Variance + spread)).ToList();
        var mean = measured.Select((r, i) => pooledWeights[i] * r.Value).Sum() / pooledWeights.Sum();
        return new RatePool(mean, 1 / pooledWeights.Sum(), spread);
    }

    /// <summary>A promotion's own rate shrunk toward the mean, with the variance of what it became.</summary>
    public Rate Shrink(Rate own)
    {
        var kept = Spread / (Spread + own.Variance);
        var toMean = 1 - kept;
        return new Rate(Mean + (kept * (own.Value - Mean)), (kept * own.Variance) + (toMean * toMean * MeanVariance));
    }
}
