using OmniPos.Core.LossPrevention;

namespace OmniPos.Models.Evaluation;

/// <summary>How well one rule found its scheme: its cases and how many an alert of it found, its alerts and how many were a case of that scheme.</summary>
public sealed record FraudTypeScore(string Type, int Cases, int Detected, int Alerts, int TrueAlerts)
{
    public double Recall => Cases == 0 ? double.NaN : (double)Detected / Cases;

    public double Precision => Alerts == 0 ? double.NaN : (double)TrueAlerts / Alerts;
}

/// <summary>
/// Alerts scored against known cases (a simulator's ground truth): an alert finds a case when its evidence includes one
/// of the case's events. Per scheme, recall counts the cases an alert of that scheme's rule found and precision the
/// rule's alerts that found a case of its scheme; overall, any alert finding any case counts. Alerts that found no case
/// are the false alerts, also per store and week.
/// </summary>
public sealed record FraudDetectionScore(IReadOnlyList<FraudTypeScore> Types, FraudTypeScore Overall, double FalseAlertsPerStoreWeek)
{
    public static FraudDetectionScore Of(IReadOnlyList<FraudAlert> alerts, IReadOnlyList<KnownFraudCase> cases, int stores, double weeks)
    {
        var caseOfSeq = cases.SelectMany(c => c.Seqs.Select(seq => (seq, c))).GroupBy(p => p.seq).ToDictionary(g => g.Key, g => g.Select(p => p.c).ToList());
        var found = alerts.Select(a => (Alert: a, Cases: a.Evidence.SelectMany(e => caseOfSeq.GetValueOrDefault(e.Seq) ?? []).Distinct().ToList())).ToList();
        var types = cases.Select(c => c.Type).Concat(alerts.Select(a => a.Rule)).Distinct().Order(StringComparer.Ordinal).Select(type =>
        {
            var own = found.Where(f => f.Alert.Rule == type).ToList();
            return new FraudTypeScore(type, cases.Count(c => c.Type == type),
                own.SelectMany(f => f.Cases).Where(c => c.Type == type).Distinct().Count(), own.Count,
                own.Count(f => f.Cases.Any(c => c.Type == type || f.Alert.Rule == Models.LossPrevention.FraudScan.BehaviourRule)));
        }).ToList();
        var overall = new FraudTypeScore("all", cases.Count, found.SelectMany(f => f.Cases).Distinct().Count(), alerts.Count, found.Count(f => f.Cases.Count > 0));
        return new FraudDetectionScore(types, overall, (alerts.Count - overall.TrueAlerts) / Math.Max(1e-9, stores * weeks));
    }
}

/// <summary>A fraud case whose events are known by their log positions.</summary>
public sealed record KnownFraudCase(string CaseId, string Type, IReadOnlySet<long> Seqs);
