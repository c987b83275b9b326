namespace OmniPos.Bench;

/// <summary>What an issue asks of a row: a rate, a median and a p99 latency bound, each when it sets one.</summary>
internal sealed record Goal(double? EventsPerSecond, TimeSpan? P99 = null, TimeSpan? P50 = null)
{
    /// <summary>Each part of the goal with its verdict (<c>goal 3,000/s met, p99 &lt; 25 ms MISSED</c>), so a row shows which part missed.</summary>
    public string Verdict(Measurement measured) => string.Join(", ", Parts(measured));

    public static string Met(bool met) => met ? "met" : "MISSED";

    private IEnumerable<string> Parts(Measurement measured)
    {
        if (EventsPerSecond is { } rate)
        {
            yield return $"goal {rate:N0}/s {Met(measured.EventsPerSecond >= rate)}";
        }

        if (P50 is { } median)
        {
            yield return $"goal median ≤ {median.TotalMilliseconds:0} ms {Met(measured.P50 <= median)}";
        }

        if (P99 is { } most)
        {
            yield return $"p99 < {most.TotalMilliseconds:0} ms {Met(measured.P99 < most)}";
        }
    }
}
