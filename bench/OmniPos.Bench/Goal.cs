namespace OmniPos.Bench;

/// <summary>What an issue asks of a row: a rate, and a p99 latency bound when it sets one.</summary>
internal sealed record Goal(double EventsPerSecond, TimeSpan? P99 = null)
{
    /// <summary>Each part of the goal with its verdict (<c>goal 3,000/s met, p99 &lt; 25 ms MISSED</c>), so a row shows which part missed.</summary>
    public string Verdict(Measurement measured)
    {
        var rate = $"goal {EventsPerSecond:N0}/s {Met(measured.EventsPerSecond >= EventsPerSecond)}";
        return P99 is { } most ? $"{rate}, p99 < {most.TotalMilliseconds:0} ms {Met(measured.P99 < most)}" : rate;
    }

    private static string Met(bool met) => met ? "met" : "MISSED";
}
