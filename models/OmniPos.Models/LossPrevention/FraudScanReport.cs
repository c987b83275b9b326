using OmniPos.Core.LossPrevention;

namespace OmniPos.Models.LossPrevention;

/// <summary>What a fraud scan did: the days it scanned, what the rules and behaviour scoring found, the labels it had (verdicts, and alerts with a payment charged back) and whether they were enough for the supervised score, and what the queue took.</summary>
public sealed record FraudScanReport(
    DateOnly From,
    DateOnly Through,
    IReadOnlyList<FraudAlertDraft> Drafts,
    int RuleFindings,
    int BehaviourAlerts,
    int Labels,
    bool SupervisedModel,
    FraudRaise Kept);
