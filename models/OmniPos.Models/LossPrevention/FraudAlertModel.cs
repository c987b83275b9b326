using System.Globalization;
using OmniPos.Core.LossPrevention;
using OmniPos.Models.Xgboost;
using OmniPos.Warehouse.LossPrevention;

namespace OmniPos.Models.LossPrevention;

/// <summary>
/// The supervised score, once analysts have confirmed and dismissed enough alerts: gradient-boosted trees
/// (<c>binary:logistic</c>) on the alert's rule, what it measured, its behaviour score, the money at risk and how much
/// evidence it has, trained on the verdicts; the probability that an analyst would confirm it.
/// </summary>
public sealed class FraudAlertModel : IDisposable
{
    /// <summary>The rules whose alerts the model knows, the behaviour alerts last.</summary>
    private static readonly string[] Rules = [.. ExceptionRules.All.Select(r => r.Name), FraudScan.BehaviourRule];

    private static readonly int FeatureCount = Rules.Length + 4;

    private readonly XgboostBooster _booster;

    private FraudAlertModel(XgboostBooster booster) => _booster = booster;

    /// <summary>A model from the verdicts, or null while there are fewer than the settings ask for.</summary>
    public static FraudAlertModel? TrainOrNull(IReadOnlyList<FraudAlert> reviewed, FraudScanSettings settings, CancellationToken cancellationToken)
    {
        var confirmed = reviewed.Count(a => a.Verdict == FraudAlert.Confirmed);
        if (reviewed.Count < settings.MinimumLabels || Math.Min(confirmed, reviewed.Count - confirmed) < settings.MinimumLabelsEach)
        {
            return null;
        }

        using var matrix = Matrix([.. reviewed.Select(a => (a.Rule, a.Measure, a.Anomaly, a.Exposure, a.Evidence.Count))]);
        matrix.SetLabels([.. reviewed.Select(a => a.Verdict == FraudAlert.Confirmed ? 1f : 0f)]);
        var parameters = new Dictionary<string, string>
        {
            ["objective"] = "binary:logistic",
            ["eval_metric"] = "logloss",
            ["eta"] = "0.2",
            ["max_depth"] = "3",
            ["min_child_weight"] = "1",
            ["seed"] = "17",
            ["nthread"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
            ["verbosity"] = "0",
        };
        var (booster, _) = XgboostBooster.Train(matrix, null, new BoosterSettings(parameters, 60), cancellationToken);
        return new FraudAlertModel(booster);
    }

    /// <summary>The probability of confirmation of each draft, in order.</summary>
    public float[] Predict(IReadOnlyList<FraudAlertDraft> drafts)
    {
        if (drafts.Count == 0)
        {
            return [];
        }

        using var matrix = Matrix([.. drafts.Select(d => (d.Rule, d.Measure, d.Anomaly, d.Exposure, d.Evidence.Count))]);
        return _booster.Predict(matrix);
    }

    public void Dispose() => _booster.Dispose();

    private static XgboostMatrix Matrix(IReadOnlyList<(string Rule, double Measure, double Anomaly, decimal Exposure, int Evidence)> alerts)
    {
        var values = new float[alerts.Count * FeatureCount];
        for (var i = 0; i < alerts.Count; i++)
        {
            var row = values.AsSpan(i * FeatureCount, FeatureCount);
            var rule = Array.IndexOf(Rules, alerts[i].Rule);
            if (rule >= 0)
            {
                row[rule] = 1;
            }

            row[Rules.Length] = (float)alerts[i].Measure;
            row[Rules.Length + 1] = (float)alerts[i].Anomaly;
            row[Rules.Length + 2] = (float)alerts[i].Exposure;
            row[Rules.Length + 3] = alerts[i].Evidence;
        }

        return XgboostMatrix.FromDense(values, alerts.Count, FeatureCount);
    }
}
