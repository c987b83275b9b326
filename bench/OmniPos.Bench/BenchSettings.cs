using OmniPos.Bench.Stores;

namespace OmniPos.Bench;

/// <summary>
/// What the command line chose: how long each measured phase runs, which engines to measure (all when null), and how
/// many sale lines the warehouse case lands.
/// </summary>
internal sealed record BenchSettings(TimeSpan MeasuredDuration, StoreEngine? Only, long SaleLines = BenchSettings.DefaultSaleLines)
{
    public const long DefaultSaleLines = 10_000_000;
}
