namespace OmniPos.Core.LossPrevention;

/// <summary>
/// A case in the loss-prevention queue: what a scan found (<see cref="FraudAlertDraft"/>), when it was raised and last
/// updated, and an analyst's verdict once reviewed. Confirmed and dismissed alerts are the labels supervised scoring
/// learns from.
/// </summary>
public sealed record FraudAlert(
    long AlertId,
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
    IReadOnlyList<FraudEvidence> Evidence,
    DateTimeOffset RaisedAt,
    DateTimeOffset UpdatedAt,
    string? Verdict,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    string? Note)
{
    public const string Confirmed = "confirmed";
    public const string Dismissed = "dismissed";

    public bool IsReviewed => Verdict is not null;
}
