namespace OmniPos.Core.Tests.Support;

/// <summary>The system's wall clock, but a monotonic clock (what ages things) that moves only when the test steps it.</summary>
internal sealed class SteppedClock : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Step(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
