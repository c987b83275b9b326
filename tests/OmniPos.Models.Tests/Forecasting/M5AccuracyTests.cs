using OmniPos.Models.Evaluation;
using OmniPos.Models.Forecasting;
using OmniPos.TestServers;
using Xunit.Abstractions;

namespace OmniPos.Models.Tests.Forecasting;

/// <summary>
/// Issue #7's acceptance on data nobody here generated: the M5 (Walmart) subset of ../shared/data/m5 through the
/// sales-history import, its last 28 days (d_1886..d_1913) held out, scored with the official weights. The chosen
/// combination beats seasonal naive by at least 20% and exponential smoothing by at least 5% in WRMSSE.
/// </summary>
public sealed class M5AccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void The_chosen_combination_beats_seasonal_naive_by_a_fifth_and_exponential_smoothing_by_a_twentieth()
    {
        var folder = Path.GetDirectoryName(RepositoryRoot.SharedData("m5/calendar.csv.gz"))!;

        var evaluation = HoldoutEvaluation.OfM5Folder(folder);

        foreach (var score in evaluation.Scores)
        {
            output.WriteLine($"{score.Forecaster,-32} WRMSSE {score.Wrmsse:F3}  WAPE {score.Wape:P1}");
        }

        Assert.Equal((140, new DateOnly(2016, 3, 28), new DateOnly(2016, 4, 24)), (evaluation.Series, evaluation.From, evaluation.To));
        var chosen = evaluation.ScoreOf(DemandForecast.Chosen).Wrmsse;
        Assert.True(chosen <= 0.80 * evaluation.ScoreOf(SeasonalNaiveForecaster.MethodName).Wrmsse, $"chosen {chosen:F3}");
        Assert.True(chosen <= 0.95 * evaluation.ScoreOf(ExponentialSmoothingForecaster.MethodName).Wrmsse, $"chosen {chosen:F3}");
    }
}
