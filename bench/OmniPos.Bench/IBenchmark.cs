using OmniPos.Bench.Stores;

namespace OmniPos.Bench;

/// <summary>One case of the table. Each case runs once per store target and reports its rows; new cases join the list in <see cref="Program"/>.</summary>
internal interface IBenchmark
{
    /// <summary>The name shown in the table's Benchmark column.</summary>
    string Name { get; }

    Task<IReadOnlyList<ResultRow>> RunAsync(StoreTarget target, BenchSettings settings, Action<string> status, CancellationToken cancellationToken);
}
