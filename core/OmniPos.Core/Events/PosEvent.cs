namespace OmniPos.Core.Events;

/// <summary>One event as a device sends it: who sent it, when it happened on the device, and what happened.</summary>
/// <param name="EventId">The client's idempotency key: the same id with the same content is the same event.</param>
/// <param name="OccurredAt">The device's clock, with the offset it was in; never converted.</param>
public sealed record PosEvent(string EventId, string StoreId, string DeviceId, DateTimeOffset OccurredAt, EventBody Body);
