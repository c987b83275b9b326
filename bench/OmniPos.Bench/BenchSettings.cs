using OmniPos.Bench.Stores;

namespace OmniPos.Bench;

/// <summary>What the command line chose: how long each measured phase runs and which engines to measure (all when null).</summary>
internal sealed record BenchSettings(TimeSpan MeasuredDuration, StoreEngine? Only);
