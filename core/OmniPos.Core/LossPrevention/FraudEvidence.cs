namespace OmniPos.Core.LossPrevention;

/// <summary>
/// One event that backs a fraud alert, as the event log numbers it (<see cref="Seq"/>): a sale, return or device event,
/// the transaction it concerns, when it happened and the amount it carries.
/// </summary>
public sealed record FraudEvidence(long Seq, string Kind, string? TransactionId, string DeviceId, DateTimeOffset OccurredAt, decimal? Amount, string? Detail);
