namespace OmniPos.Ingest.Simulation;

/// <summary>Units of one sale line that come back, what they are refunded, whether they go back on the shelf, and why.</summary>
internal sealed record ReturnedUnits(SimProduct Product, int Quantity, decimal Refund, bool Restock, string Reason);
