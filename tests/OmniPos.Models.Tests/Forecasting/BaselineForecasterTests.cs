using OmniPos.Models.Forecasting;

namespace OmniPos.Models.Tests.Forecasting;

/// <summary>
/// Issue #7: the per-series baselines. Each forecasts what its method promises, and a day out of stock (unknown demand,
/// NaN) is left out rather than read as a day nobody wanted the item.
/// </summary>
public sealed class BaselineForecasterTests
{
    private static readonly float[] Week = [3, 4, 5, 4, 6, 12, 9];

    [Fact]
    public void Seasonal_naive_repeats_the_last_known_week_and_skips_a_day_out_of_stock()
    {
        var units = Histories.Weekly(8, Week);
        units[^7] = 40;
        units[^2] = float.NaN;

        var forecast = new SeasonalNaiveForecaster().Forecast(Histories.Of(units), 14)[0];

        Assert.Equal([40, 4, 5, 4, 6, 12, 9, 40, 4, 5, 4, 6, 12, 9], forecast);
    }

    [Fact]
    public void Exponential_smoothing_learns_a_weekly_pattern()
    {
        var forecast = new ExponentialSmoothingForecaster().Forecast(Histories.Of(Histories.Weekly(20, Week)), 7)[0];

        for (var day = 0; day < 7; day++)
        {
            Assert.InRange(forecast[day], Week[day] - 0.25, Week[day] + 0.25);
        }
    }

    [Fact]
    public void A_stockout_read_as_unknown_keeps_the_forecast_where_read_as_zero_it_would_fall()
    {
        var censored = Histories.Weekly(20, 5, 5, 5, 5, 5, 5, 5);
        Array.Fill(censored, float.NaN, censored.Length - 10, 10);
        var zeroed = censored.Select(units => float.IsNaN(units) ? 0 : units).ToArray();

        var forecasts = new ExponentialSmoothingForecaster().Forecast(Histories.Of(censored, zeroed), 7);

        Assert.All(forecasts[0], units => Assert.InRange(units, 4.75, 5.25));
        Assert.All(forecasts[1], units => Assert.True(units < 2.5, $"a forecast of {units} after ten zero days"));
    }

    [Fact]
    public void Tsb_forecasts_the_rate_of_intermittent_demand_and_fades_after_sales_stop()
    {
        var selling = Enumerable.Range(0, 300).Select(day => day % 5 == 0 ? 10f : 0f).ToArray();
        var stopped = selling.Concat(new float[120]).ToArray();

        var tsb = new TsbForecaster();
        var whileSelling = tsb.Forecast(Histories.Of(selling), 28)[0];
        var afterStopping = tsb.Forecast(Histories.Of(stopped), 28)[0];

        Assert.All(whileSelling, units => Assert.InRange(units, 1.5, 2.5));
        Assert.All(afterStopping, units => Assert.True(units < 0.5, $"a forecast of {units} after four months without a sale"));
    }
}
