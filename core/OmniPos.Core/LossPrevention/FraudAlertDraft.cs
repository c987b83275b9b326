namespace OmniPos.Core.LossPrevention;

/// <summary>
/// A case a scan found, before the store keeps it: <see cref="AlertKey"/> names it across scans (the rule and the event
/// that starts it), so finding it again updates the alert rather than raising another.
/// </summary>
/// <param name="SubjectKind">What the case is about: employee, device, card or customer.</param>
/// <param name="Score">0 to 1: how sure the scan is that the case is worth a look.</param>
/// <param name="Measure">What the rule measured (voided lines, override depth, cards in a burst, …), or for a behaviour
/// anomaly the largest robust z-score against peers.</param>
/// <param name="Anomaly">The subject-day's isolation-forest score against its peers, 0 to 1 (0.5 is ordinary); 0 when unscored.</param>
/// <param name="Exposure">The money at risk as far as the events show it.</param>
public sealed record FraudAlertDraft(
    string AlertKey,
    string Rule,
    string StoreId,
    string SubjectKind,
    string Subject,
    DateOnly BusinessDate,
    double Score,
    double Measure,
    double Anomaly,
    decimal Exposure,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<FraudEvidence> Evidence);
