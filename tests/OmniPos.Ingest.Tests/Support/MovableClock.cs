namespace OmniPos.Ingest.Tests.Support;

/// <summary>A clock that reads the time it was set to and moves only when told; its timers and stopwatch run in real time.</summary>
internal sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);

    public void MoveTo(DateTimeOffset instant) => Interlocked.Exchange(ref _utcTicks, instant.UtcTicks);
}
