using OmniPos.Core.LossPrevention;

namespace OmniPos.Models.LossPrevention;

/// <summary>What a fraud scan did: the days it scanned, what the rules and behaviour scoring found, how it scored them, and what the queue took.</summary>
public sealed record FraudScanReport(
    DateOnly From,
    DateOnly Through,
    IReadOnlyList<FraudAlertDraft> Drafts,
    int RuleFindings,
    int BehaviourAlerts,
    bool SupervisedModel,
    FraudRaise Kept);
