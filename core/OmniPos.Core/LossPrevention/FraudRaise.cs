namespace OmniPos.Core.LossPrevention;

/// <summary>What keeping a scan's drafts did: the alerts raised for the first time, and how many known ones it updated.</summary>
public sealed record FraudRaise(IReadOnlyList<FraudAlert> Raised, int Updated);
