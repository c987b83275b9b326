namespace OmniPos.Bench;

/// <summary>One line of the table: what was measured where, or why it could not be (then <paramref name="Measured"/> is null).</summary>
internal sealed record ResultRow(string Benchmark, string Store, Measurement? Measured, string Notes)
{
    public static ResultRow Failed(string benchmark, string store, Exception error) => new(benchmark, store, null, $"FAILED: {error.Message}");
}
