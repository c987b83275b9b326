namespace OmniPos.Bench;

/// <summary>Throughput over a measured phase and the latency distribution of the operations in it.</summary>
internal sealed record Measurement(int Writers, long Events, double EventsPerSecond, TimeSpan P50, TimeSpan P99)
{
    /// <summary>
    /// Each latency is one completed operation, which may have carried several of the <paramref name="events"/>;
    /// <paramref name="wall"/> runs from the common start until the last writer stopped.
    /// </summary>
    public static Measurement Of(int writers, TimeSpan wall, long events, IEnumerable<TimeSpan> latencies)
    {
        var sorted = latencies.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new InvalidOperationException("the measured phase completed no operation");
        }

        return new Measurement(writers, events, events / wall.TotalSeconds, Percentile(sorted, 0.50), Percentile(sorted, 0.99));
    }

    // Nearest rank: a value that was actually observed, never an interpolation between two.
    private static TimeSpan Percentile(TimeSpan[] sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Length) - 1];
}
