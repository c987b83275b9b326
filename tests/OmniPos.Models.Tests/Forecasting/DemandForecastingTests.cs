using OmniPos.Models.Forecasting;

namespace OmniPos.Models.Tests.Forecasting;

/// <summary>Issue #7: the chosen combination gives every series a forecast, a method and quantiles that widen with the probability.</summary>
public sealed class DemandForecastingTests
{
    [Fact]
    public void Every_series_gets_28_days_its_class_and_quantiles_around_the_mean()
    {
        var smooth = Enumerable.Range(0, 12).Select(seed => Histories.Poisson(400, 6, seed));
        var intermittent = Enumerable.Range(12, 12).Select(seed => Histories.Poisson(400, 0.2, seed));
        var history = Histories.Of(smooth.Concat(intermittent).ToArray());

        var forecast = new DemandForecasting().Run(history);

        Assert.Equal(Histories.Monday.AddDays(400), forecast.Start);
        Assert.Equal(24, forecast.Series.Count);
        Assert.All(forecast.Series, series =>
        {
            Assert.Equal(DemandForecasting.Horizon, series.Mean.Length);
            Assert.Contains(series.Method, forecast.Candidates.Keys);
            Assert.True(series.DailyError > 0, $"{series.Key} has no backtest error");
            Assert.True(series.Quantile(0, 0.5) <= series.Quantile(0, 0.9) && series.Quantile(0, 0.9) < series.Quantile(0, 0.99), $"{series.Key}'s quantiles do not widen");
        });
        Assert.All(forecast.Series.Take(12), series => Assert.Equal(DemandPattern.Smooth, series.Pattern));
        Assert.All(forecast.Series.Skip(12), series => Assert.Contains(series.Pattern, new[] { DemandPattern.Intermittent, DemandPattern.Lumpy }));
    }

    [Fact]
    public void A_history_too_short_to_backtest_is_refused_saying_how_long_it_must_be()
    {
        var history = Histories.Of(Histories.Poisson(100, 3, 1));

        var error = Assert.Throws<InvalidOperationException>(() => new DemandForecasting().Run(history));

        Assert.Contains($"at least {DemandForecasting.MinimumDays}", error.Message, StringComparison.Ordinal);
    }
}
