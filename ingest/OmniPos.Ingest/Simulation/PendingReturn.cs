namespace OmniPos.Ingest.Simulation;

/// <summary>Units of a sale line that will come back on a day, at a shop (<see cref="Location"/>) or by mail to the web.</summary>
internal sealed record PendingReturn(int Day, int Location, SoldTransaction Sale, SimProduct Product, int Quantity, decimal RefundAmount, bool Restock, string Reason);
