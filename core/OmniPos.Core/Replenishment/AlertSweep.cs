namespace OmniPos.Core.Replenishment;

/// <summary>What one pass over the reorder policies did: the policies checked, the alerts it opened and those it resolved.</summary>
public sealed record AlertSweep(int Checked, IReadOnlyList<StockAlert> Opened, IReadOnlyList<StockAlert> Resolved);
