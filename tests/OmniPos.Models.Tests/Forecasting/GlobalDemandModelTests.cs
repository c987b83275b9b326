using OmniPos.Models.Evaluation;
using OmniPos.Models.Forecasting;
using OmniPos.Models.Xgboost;

namespace OmniPos.Models.Tests.Forecasting;

/// <summary>
/// Issue #7: the global model, trained on series whose true mean is known (Poisson demand, busier at weekends), forecasts
/// the month after close to that mean in total and per series, and beats seasonal naive there; saved and loaded, it forecasts the same.
/// </summary>
public sealed class GlobalDemandModelTests : IDisposable
{
    private const int Days = 420;
    private static readonly double[] Means = Enumerable.Range(0, 40).Select(series => 0.5 + series * 0.25).ToArray();

    private readonly string _folder = Directory.CreateTempSubdirectory("omnipos-models-test-").FullName;

    [Fact]
    public void Forecasts_the_month_after_near_the_true_mean_and_better_than_seasonal_naive()
    {
        var history = Histories.Of(Means.Select((mean, index) => Histories.Poisson(Days + 28, mean, index)).ToArray());
        var past = history.KnownBefore(Days);

        using var model = GlobalDemandModel.Train(past);
        var forecast = model.Forecast(past);

        var trueMonths = Means.Select(mean => Enumerable.Range(Days, 28).Sum(day => mean * (day % 7 >= 5 ? 1.6 : 0.8))).ToArray();
        Assert.InRange(forecast.Sum(days => days.Sum()), trueMonths.Sum() * 0.95, trueMonths.Sum() * 1.05);
        for (var series = 0; series < Means.Length; series++)
        {
            // A tree's leaves pool the slowest series with their neighbours: those get the widest margin.
            Assert.InRange(forecast[series].Sum(), trueMonths[series] * 0.65, trueMonths[series] * 1.35);
        }

        var accuracy = new ForecastAccuracy(history, Days, Enumerable.Repeat(1.0, Means.Length).ToArray());
        var naive = accuracy.Score("naive", new SeasonalNaiveForecaster().Forecast(past, 28));
        Assert.True(accuracy.Score("global", forecast).Wrmsse < naive.Wrmsse * 0.9, $"global {accuracy.Score("global", forecast)} against {naive}");
    }

    [Fact]
    public void A_saved_model_loads_and_forecasts_the_same()
    {
        var history = Histories.Of(Means.Take(10).Select((mean, index) => Histories.Poisson(Days, mean, index)).ToArray());
        var path = Path.Combine(_folder, "demand.json");
        using var model = GlobalDemandModel.Train(history);
        model.Save(path);

        using var loaded = GlobalDemandModel.Load(path);

        Assert.Equal(model.Forecast(history), loaded.Forecast(history));
    }

    [Fact]
    public void Loading_a_model_not_trained_on_these_features_is_refused()
    {
        var path = Path.Combine(_folder, "other.json");
        using (var matrix = XgboostMatrix.FromDense(new float[] { 1, 2, 3, 4 }, 2, 2))
        {
            matrix.SetLabels(new float[] { 0, 1 });
            var (booster, _) = XgboostBooster.Train(matrix, null, new BoosterSettings(new Dictionary<string, string>(), 2));
            using (booster)
            {
                booster.Save(path);
            }
        }

        var error = Assert.Throws<InvalidDataException>(() => GlobalDemandModel.Load(path));

        Assert.Contains("train it again", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
