namespace OmniPos.Bench.Sales;

/// <summary>
/// A register that records on a schedule instead of back to back: one recording every <paramref name="Interval"/>, the
/// first <paramref name="Offset"/> into the phase (registers spread over the interval, as tills are not in step).
/// </summary>
internal sealed record Pace(TimeSpan Interval, TimeSpan Offset);
