namespace OmniPos.Ingest.Simulation;

/// <summary>What a register queued while offline and uploaded the next morning.</summary>
public sealed record OfflineBatch(string DeviceId, DateOnly Day, DateTimeOffset From, DateTimeOffset Until, IReadOnlyList<string> EventIds);
