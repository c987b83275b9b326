using OmniPos.Core.LossPrevention;
using OmniPos.Models.LossPrevention;
using OmniPos.Warehouse.LossPrevention;

namespace OmniPos.Models.Tests.LossPrevention;

/// <summary>
/// Issue #8's scoring parts: the isolation forest ranks a day unlike its peers above ordinary ones, behaviour scoring says
/// which figure stands out, and the supervised model (real libxgboost) learns from analysts' verdicts which alerts are
/// cases — and stays out until there are enough of them.
/// </summary>
public sealed class FraudScoringTests
{
    private static readonly FraudScanSettings Settings = new();

    [Fact]
    public void A_day_unlike_its_peers_scores_as_an_anomaly_and_ordinary_days_do_not()
    {
        var random = new Random(3);
        var ordinary = Enumerable.Range(0, 400).Select(_ => new[] { 20 + (random.NextDouble() * 10), random.Next(2), random.NextDouble() * 3 }).ToList();
        double[] odd = [25, 9, 40];
        var forest = IsolationForest.Fit([.. ordinary, odd]);

        var outlier = forest.Score(odd);
        var typical = ordinary.Take(50).Select(forest.Score).ToList();

        Assert.True(outlier > 0.7, $"outlier scored {outlier:F3}");
        Assert.True(typical.Average() < 0.5, $"ordinary days scored {typical.Average():F3} on average");
        Assert.All(typical, score => Assert.True(score < outlier, $"an ordinary day scored {score:F3}, the outlier {outlier:F3}"));
    }

    [Fact]
    public void Behaviour_scoring_names_the_figure_that_stands_out_against_the_stores_other_employee_days()
    {
        var days = Enumerable.Range(0, 60).Select(i => Day($"E-{i % 6}", i, noSales: i % 3 == 0 ? 1 : 0, short_: 0)).Append(Day("E-9", 59, noSales: 6, short_: 45)).ToList();

        var scores = BehaviourScoring.Score(BehaviourGrain.EmployeeDays, days, new DateOnly(2026, 1, 1));

        var odd = scores.Single(s => s.Subject == "E-9");
        Assert.Equal(scores.Max(s => s.Anomaly), odd.Anomaly);
        Assert.True(odd.Reasons.Any(r => r.StartsWith("no-sales: 6", StringComparison.Ordinal)), string.Join("; ", odd.Reasons));
        Assert.Contains(odd.Reasons, r => r.StartsWith("cash short at close: 45", StringComparison.Ordinal));
        Assert.All(scores.Where(s => s.Subject != "E-9"), s => Assert.DoesNotContain(s.Reasons, r => r.StartsWith("no-sales", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_supervised_model_waits_for_enough_verdicts_then_scores_alerts_like_the_confirmed_ones_above_those_like_the_dismissed()
    {
        // Analysts confirm the large voids after tender and dismiss the small ones.
        var reviewed = Enumerable.Range(0, 60).Select(i => Reviewed(i, exposure: i % 2 == 0 ? 150 + i : 3 + (i % 5), i % 2 == 0 ? FraudAlert.Confirmed : FraudAlert.Dismissed)).ToList();

        var tooFew = FraudAlertModel.TrainOrNull(reviewed[..(Settings.MinimumLabels - 1)], Settings, CancellationToken.None);
        using var model = FraudAlertModel.TrainOrNull(reviewed, Settings, CancellationToken.None);
        var scores = model!.Predict([Draft(exposure: 180), Draft(exposure: 4)]);

        Assert.Null(tooFew);
        Assert.True(scores[0] > 0.8, $"an alert like the confirmed ones scored {scores[0]:F3}");
        Assert.True(scores[1] < 0.2, $"an alert like the dismissed ones scored {scores[1]:F3}");
    }

    private static BehaviourDay Day(string employee, int day, int noSales, double short_) =>
        new("NY-01", "employee", employee, new DateOnly(2026, 1, 1).AddDays(day / 6), [40, 0.02, 0, noSales, 0, 0, 0, 0, short_], [day]);

    private static FraudAlertDraft Draft(decimal exposure) =>
        new("k", ExceptionRules.VoidAfterTender.Name, "NY-01", "employee", "E-1", new DateOnly(2026, 3, 1), 0.75, 2, 0.5, exposure, [], []);

    private static FraudAlert Reviewed(int id, decimal exposure, string verdict) =>
        new(id, $"k{id}", ExceptionRules.VoidAfterTender.Name, "NY-01", "employee", "E-1", new DateOnly(2026, 3, 1), 0.75, 2, 0.5, exposure, [], [],
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, verdict, "analyst", DateTimeOffset.UnixEpoch, null);
}
