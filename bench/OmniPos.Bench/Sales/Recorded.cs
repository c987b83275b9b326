namespace OmniPos.Bench.Sales;

/// <summary>What one recording by a <see cref="SalesWriter"/> got accepted, and how long it waited for the answer.</summary>
internal readonly record struct Recorded(int Events, TimeSpan Latency);
