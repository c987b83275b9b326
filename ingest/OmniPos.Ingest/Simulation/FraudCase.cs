namespace OmniPos.Ingest.Simulation;

/// <summary>One injected fraud case: its scheme (<see cref="FraudTypes"/>), who did it, what it cost, and its events.</summary>
/// <param name="Actor">The employee, card token or gift card the case is about.</param>
public sealed record FraudCase(string CaseId, string Type, string StoreId, string Actor, DateOnly Day, decimal Loss, IReadOnlyList<string> EventIds);
