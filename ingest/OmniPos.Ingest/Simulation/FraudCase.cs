namespace OmniPos.Ingest.Simulation;

/// <summary>One injected fraud case: its scheme (<see cref="FraudTypes"/>), who did it, what it cost, and its events.</summary>
/// <param name="Actor">Who or what the case is about: the employee, the gift card, or for card testing the storefront device.</param>
public sealed record FraudCase(string CaseId, string Type, string StoreId, string Actor, DateOnly Day, decimal Loss, IReadOnlyList<string> EventIds);
