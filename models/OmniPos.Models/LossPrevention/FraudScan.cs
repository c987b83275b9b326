using System.Globalization;
using OmniPos.Core.LossPrevention;
using OmniPos.Core.Storage;
using OmniPos.Warehouse;
using OmniPos.Warehouse.LossPrevention;

namespace OmniPos.Models.LossPrevention;

/// <summary>
/// One pass of loss prevention over the warehouse: the exception rules over the last <see cref="FraudScanSettings.ScanDays"/>
/// landed days, each finding scored by how far past its threshold it is and how unusual its subject's day is against
/// peers (an isolation forest over the baseline days); subject-days no rule flagged but far out of line become behaviour
/// alerts. Once analysts have reviewed enough alerts (an alert with a payment charged back counts as confirmed), a
/// supervised model trained on those labels gives the score. The
/// drafts, with the events that back them, go to the store's queue, which raises each case once.
/// </summary>
public sealed class FraudScan(FraudScanSettings settings)
{
    /// <summary>The rule name of alerts raised by behaviour alone.</summary>
    public const string BehaviourRule = "behaviour_anomaly";

    /// <summary>The rule strength of a finding whose rule has no threshold on its measure (a cash sale voided after it was paid).</summary>
    public const double OutrightStrength = 0.75;

    /// <summary>
    /// How much a behaviour alert's isolation score counts: with no rule's evidence it scores 0.25 + 0.5 × the isolation
    /// score (0.625 to 0.75), below a rule finding well past its threshold.
    /// </summary>
    public const double BehaviourAloneWeight = 0.5;

    /// <summary>Evidence kept per alert at most, the first events of the case.</summary>
    public const int MaxEvidence = 100;

    /// <summary>Scans up to the latest landed business day; null when nothing has landed yet.</summary>
    public async Task<FraudScanReport?> RunAsync(AnalyticsWarehouse warehouse, IOperationalStore store, CancellationToken cancellationToken)
    {
        if (warehouse.LandedSpan() is not { } landed)
        {
            return null;
        }

        var through = landed.Through;
        var from = through.AddDays(1 - settings.ScanDays);
        var findings = warehouse.FindExceptions(settings.Rules, from, through, cancellationToken);
        var behaviour = BehaviourGrain.All
            .SelectMany(grain => BehaviourScoring.Score(grain, warehouse.ReadBehaviour(grain, through.AddDays(1 - settings.BaselineDays), through, cancellationToken), from))
            .ToDictionary(b => (b.SubjectKind, b.Subject, b.BusinessDate));

        var drafts = findings.Select(f => (Finding: (ExceptionFinding?)f, Behaviour: behaviour.GetValueOrDefault((f.SubjectKind, f.Subject, f.BusinessDate))))
            .Concat(BehaviourAlone(findings, behaviour.Values).Select(b => (Finding: (ExceptionFinding?)null, Behaviour: (BehaviourScore?)b)))
            .ToList();
        var evidence = warehouse.ReadEvidence([.. drafts.SelectMany(d => EvidenceOf(d.Finding, d.Behaviour)).Distinct()], cancellationToken).ToDictionary(e => e.Seq);
        var scored = drafts.Select(d => Draft(d.Finding, d.Behaviour, evidence)).ToList();

        var labels = await LabelsAsync(warehouse, store, cancellationToken);
        using var model = FraudAlertModel.TrainOrNull(labels, settings, cancellationToken);
        if (model is not null)
        {
            scored = [.. scored.Zip(model.Predict(scored), (draft, p) => draft with { Score = Math.Round(p, 4) })];
        }

        var kept = await store.LossPrevention.RaiseAsync(scored, cancellationToken);
        return new FraudScanReport(from, through, scored, findings.Count, scored.Count - findings.Count, labels.Count, model is not null, kept);
    }

    /// <summary>
    /// What the supervised model learns from: the analysts' verdicts, and the unreviewed alerts whose evidence includes a
    /// payment the processor charged back, taken as confirmed.
    /// </summary>
    private static async Task<List<FraudAlert>> LabelsAsync(AnalyticsWarehouse warehouse, IOperationalStore store, CancellationToken cancellationToken)
    {
        var labels = (await store.LossPrevention.ListReviewedAsync(cancellationToken)).ToList();
        var open = await store.LossPrevention.ListAsync(null, FraudAlertState.Open, int.MaxValue, cancellationToken);
        var chargedBack = warehouse.FindChargedBack([.. open.SelectMany(a => a.Evidence.Select(e => e.Seq)).Distinct()], cancellationToken);
        labels.AddRange(open.Where(a => a.Evidence.Any(e => chargedBack.Contains(e.Seq))).Select(a => a with { Verdict = FraudAlert.Confirmed }));
        return labels;
    }

    /// <summary>Subject-days far out of line with their peers on which no rule found anything.</summary>
    private IEnumerable<BehaviourScore> BehaviourAlone(IReadOnlyList<ExceptionFinding> findings, IEnumerable<BehaviourScore> behaviour)
    {
        var flagged = findings.Select(f => (f.SubjectKind, f.Subject, f.BusinessDate)).ToHashSet();
        return behaviour.Where(b => b.Anomaly >= settings.AnomalyThreshold && b.LargestZ >= settings.AnomalyMinZ && b.Evidence.Count > 0
            && !flagged.Contains((b.SubjectKind, b.Subject, b.BusinessDate)));
    }

    private static IEnumerable<long> EvidenceOf(ExceptionFinding? finding, BehaviourScore? behaviour) =>
        (finding?.Evidence ?? behaviour!.Evidence).Take(MaxEvidence);

    private FraudAlertDraft Draft(ExceptionFinding? finding, BehaviourScore? behaviour, Dictionary<long, FraudEvidence> evidence)
    {
        var events = EvidenceOf(finding, behaviour).Select(seq => evidence.GetValueOrDefault(seq)).OfType<FraudEvidence>().ToList();
        var anomaly = Math.Round(behaviour?.Anomaly ?? 0, 4);
        var peers = behaviour?.Reasons ?? [];
        if (finding is null)
        {
            var b = behaviour!;
            return new FraudAlertDraft($"{BehaviourRule}:{b.SubjectKind}:{b.Subject}:{b.BusinessDate:yyyy-MM-dd}", BehaviourRule, b.StoreId, b.SubjectKind,
                b.Subject, b.BusinessDate, Math.Round((BehaviourAloneWeight * b.Anomaly) + ((1 - BehaviourAloneWeight) / 2), 4), Math.Round(b.LargestZ, 2), anomaly, 0m,
                [string.Create(CultureInfo.InvariantCulture, $"{b.SubjectKind} {b.Subject}'s day is unlike its peers' (isolation score {b.Anomaly:0.00})"), .. peers],
                events);
        }

        var rule = ExceptionRules.Named(finding.Rule);
        var threshold = rule.Threshold(settings.Rules);
        var strength = threshold is { } t ? 1 - (0.5 * Math.Min(1, t / Math.Max(finding.Measure, 1e-9))) : OutrightStrength;
        var score = behaviour is null ? strength : (0.6 * strength) + (0.4 * behaviour.Anomaly);
        return new FraudAlertDraft($"{finding.Rule}:{finding.Evidence[0]}", finding.Rule, finding.StoreId, finding.SubjectKind, finding.Subject,
            finding.BusinessDate, Math.Round(score, 4), Math.Round(finding.Measure, 4), anomaly, finding.Exposure,
            [rule.Describe(finding, settings.Rules), .. peers], events);
    }
}
