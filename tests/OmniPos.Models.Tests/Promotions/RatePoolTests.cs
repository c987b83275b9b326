using MathNet.Numerics.Distributions;
using OmniPos.Models.Promotions;

namespace OmniPos.Models.Tests.Promotions;

/// <summary>
/// Issue #8's pooling of cross-effects across promotions: where the promotions share one true rate, each noisy rate is
/// pulled to their mean and comes out nearer the truth; where the true rates differ, each keeps its own; too few
/// promotions are not pooled at all.
/// </summary>
public sealed class RatePoolTests
{
    [Fact]
    public void Promotions_sharing_one_true_rate_are_each_estimated_nearer_it_pooled_than_alone()
    {
        var random = new Random(8);
        const double trueRate = 0.15;
        var rates = Enumerable.Range(0, 20).Select(i =>
        {
            var variance = Math.Pow(0.02 + (0.08 * random.NextDouble()), 2);
            return new Rate(Normal.Sample(random, trueRate, Math.Sqrt(variance)), variance);
        }).ToList();

        var pool = RatePool.Of(rates)!;
        var shrunk = rates.Select(pool.Shrink).ToList();

        Assert.InRange(pool.Mean, trueRate - 0.02, trueRate + 0.02);
        var (alone, pooled) = (rates.Sum(r => Math.Pow(r.Value - trueRate, 2)), shrunk.Sum(r => Math.Pow(r.Value - trueRate, 2)));
        Assert.True(pooled < alone / 4, $"squared error pooled {pooled:F4}, alone {alone:F4}");
        Assert.All(rates.Zip(shrunk), pair => Assert.True(pair.Second.Variance < pair.First.Variance, $"a rate of variance {pair.First.Variance:F5} pooled to {pair.Second.Variance:F5}"));
    }

    [Fact]
    public void Promotions_whose_true_rates_differ_beyond_their_noise_keep_their_own()
    {
        var random = new Random(9);
        var truths = Enumerable.Range(0, 20).Select(i => 0.05 + (0.02 * i)).ToList();
        var rates = truths.Select(truth => new Rate(Normal.Sample(random, truth, 0.005), 0.005 * 0.005)).ToList();

        var pool = RatePool.Of(rates)!;

        Assert.All(rates.Zip(truths), pair =>
        {
            var shrunk = pool.Shrink(pair.First);
            Assert.True(Math.Abs(shrunk.Value - pair.First.Value) < 0.002, $"a rate of {pair.First.Value:F3} (truly {pair.Second:F3}) pooled to {shrunk.Value:F3}");
        });
    }

    [Fact]
    public void Too_few_promotions_are_not_pooled()
    {
        Assert.Null(RatePool.Of([new Rate(0.1, 0.001), new Rate(0.2, 0.001)]));
        Assert.Null(RatePool.Of([new Rate(0.1, 0.001), new Rate(0.2, 0.001), new Rate(0.3, 0)]));
    }
}
