using System.Diagnostics;

namespace OmniPos.Bench.Sales;

/// <summary>
/// One register recording its sales back to back, each as soon as the one before was answered, or on a schedule when it
/// has a <see cref="Pace"/>. What recording is (an append to the store, a post to the API, a batch of sales) is the
/// benchmark's; each call answers the events it got accepted and the latency it waited, and throws when anything was not
/// accepted. A paced recording's latency runs from when it was due, so one that started late because the one before was
/// slow (or the register's own timer fired late) counts its wait too: no coordinated omission.
/// </summary>
internal sealed class SalesWriter(Func<CancellationToken, Task<Recorded>> recordNext, Pace? pace = null)
{
    private long _events;

    /// <summary>The latency of every recording of the measured phase, in the order they completed.</summary>
    public List<TimeSpan> Latencies { get; } = [];

    /// <summary>Events accepted in the measured phase so far; read by the progress display while the writer runs.</summary>
    public long Events => Volatile.Read(ref _events);

    /// <summary>Records like <see cref="MeasureUntilAsync"/>, then forgets what it measured.</summary>
    public async Task WarmUpUntilAsync(long deadline, long maxEvents, CancellationToken cancellationToken)
    {
        await MeasureUntilAsync(deadline, maxEvents, cancellationToken);
        Latencies.Clear();
        _events = 0;
    }

    /// <summary>
    /// Records until <paramref name="deadline"/> (a <see cref="Stopwatch"/> timestamp) or until <paramref name="maxEvents"/>
    /// were accepted, whichever comes first; the recording under way then still counts.
    /// </summary>
    public async Task MeasureUntilAsync(long deadline, long maxEvents, CancellationToken cancellationToken)
    {
        var due = Stopwatch.GetTimestamp() + Ticks(pace?.Offset ?? TimeSpan.Zero);
        while (Stopwatch.GetTimestamp() < deadline && _events < maxEvents)
        {
            if (pace is not null && Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due) is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait, cancellationToken);
            }

            var recorded = await recordNext(cancellationToken);
            Latencies.Add(pace is null ? recorded.Latency : Stopwatch.GetElapsedTime(due));
            Interlocked.Add(ref _events, recorded.Events);
            due += Ticks(pace?.Interval ?? TimeSpan.Zero);
        }
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
