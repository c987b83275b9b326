namespace OmniPos.Core.Storage;

/// <summary>An event as the log holds it; <see cref="Payload"/> is the canonical JSON of the <see cref="Events.PosEvent"/>.</summary>
public sealed record StoredEvent(
    long Seq,
    string EventId,
    string Type,
    string StoreId,
    string DeviceId,
    DateTimeOffset OccurredAt,
    DateTimeOffset ReceivedAt,
    string PayloadHash,
    string Payload);
