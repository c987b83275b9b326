using System.Diagnostics;
using OmniPos.Bench.Sales;

namespace OmniPos.Bench;

/// <summary>
/// Runs every writer at once through a warm-up, then through the measured phase, showing progress; bounded in time (the
/// phase's length) and in count (<see cref="MaxEvents"/>), whichever ends it first.
/// </summary>
internal static class MeasuredPhase
{
    /// <summary>Events one phase may record at most, across its writers: a long <c>--seconds</c> must not fill the disk.</summary>
    private const long MaxEvents = 1_000_000;

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    /// <param name="warmUp">Long enough for the runtime to have compiled the hot paths fully optimized; what is recorded meanwhile is not measured.</param>
    /// <param name="label">What the progress display says is being measured.</param>
    public static async Task<Measurement> RunAsync(
        IReadOnlyList<SalesWriter> writers, TimeSpan warmUp, TimeSpan duration, string label, Action<string> status, CancellationToken cancellationToken)
    {
        var maxEventsEach = MaxEvents / writers.Count;
        status($"{label}: warming up ({writers.Count} writers for {warmUp.TotalSeconds:0} s)");
        var warm = Deadline(Stopwatch.GetTimestamp(), warmUp);
        await RunAllAsync(writers, (w, ct) => w.WarmUpUntilAsync(warm, maxEventsEach, ct), cancellationToken);

        var started = Stopwatch.GetTimestamp();
        var deadline = Deadline(started, duration);
        var measuring = RunAllAsync(writers, (w, ct) => w.MeasureUntilAsync(deadline, maxEventsEach, ct), cancellationToken);
        while (!measuring.IsCompleted)
        {
            // The writers observe the token; this only paces the progress display and ends as soon as they do.
            await Task.WhenAny(measuring, Task.Delay(ProgressInterval, CancellationToken.None));
            status($"{label}: measuring, {Stopwatch.GetElapsedTime(started).TotalSeconds:0}s of {duration.TotalSeconds:0}s, "
                + $"{writers.Sum(w => w.Events):N0} events accepted");
        }

        await measuring;
        return Measurement.Of(writers.Count, Stopwatch.GetElapsedTime(started), writers.Sum(w => w.Events), writers.SelectMany(w => w.Latencies));
    }

    private static long Deadline(long from, TimeSpan after) => from + (long)(after.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Runs the work on every writer at once; the first writer that fails stops the others, and its error is the one thrown.</summary>
    private static async Task RunAllAsync(
        IReadOnlyList<SalesWriter> writers, Func<SalesWriter, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = writers.Select(w => Task.Run(async () =>
        {
            try
            {
                await work(w, stop.Token);
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
        }, CancellationToken.None)).ToArray();
        // A faulted task outranks cancelled ones in WhenAll, so what is thrown is the failed writer's error, not a stopped writer's.
        await Task.WhenAll(tasks);
    }
}
