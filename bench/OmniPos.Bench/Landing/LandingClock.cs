using System.Diagnostics;
using OmniPos.Warehouse.Lake;

namespace OmniPos.Bench.Landing;

/// <summary>
/// Times a landing from its progress reports: how long each run took (from the end of the one before), and where the
/// time went: reading events from the store, parsing and staging them (until <see cref="LandingStep.Staged"/>), writing
/// the Parquet files, renaming them, and the commit (the facts, the marts and the watermark).
/// </summary>
internal sealed class LandingClock
{
    /// <summary>What each step's time was spent on, in the order of <see cref="LandingStep"/>.</summary>
    private static readonly string[] StepNames = ["read+parse+stage", "Parquet", "rename", "commit+marts"];

    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly TimeSpan[] _steps = new TimeSpan[Enum.GetValues<LandingStep>().Length];
    private TimeSpan _lastReport;
    private TimeSpan _lastCommit;

    /// <summary>Each run's time, from the end of the run before (or the start) to its commit.</summary>
    public List<TimeSpan> Runs { get; } = [];

    public int EventRuns { get; private set; }

    public void Record(LandingProgress progress)
    {
        var now = Stopwatch.GetElapsedTime(_started);
        _steps[(int)progress.Step] += now - _lastReport;
        _lastReport = now;
        if (progress.Step == LandingStep.Committed)
        {
            Runs.Add(now - _lastCommit);
            _lastCommit = now;
            EventRuns += progress.Feed == LakeLanding.EventFeed ? 1 : 0;
        }
    }

    /// <summary>Each step's share of the whole landing, e.g. <c>read+stage 48%, Parquet 21%, rename 1%, commit 30%</c>.</summary>
    public string Shares(TimeSpan total) =>
        string.Join(", ", StepNames.Zip(_steps, (step, time) => $"{step} {time / total:P0}"));
}
