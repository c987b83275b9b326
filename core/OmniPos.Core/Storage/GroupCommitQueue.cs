using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace OmniPos.Core.Storage;

/// <summary>
/// Where appends wait to be recorded in groups: group commit. One writer takes every append waiting (up to
/// <see cref="MaxGroup"/>, and waiting a moment for those it expects: see <see cref="GatherAsync"/>), records them in one
/// transaction, taking in those that arrive meanwhile, and acknowledges them after the commit, so they share its flush to
/// disk and its round trips. One writer per store is deliberate: measured on two cores, a second writer on PostgreSQL
/// halved the groups and lowered throughput.
/// </summary>
internal sealed partial class GroupCommitQueue : IAsyncDisposable
{
    private const int MaxGroup = 512;
    private const int MaxAttempts = 5;

    /// <summary>
    /// How long a group waits for the appends it expects (see <see cref="GatherAsync"/>): measured on the project's 2-core
    /// machine, a group takes 1-2 ms to record and an answered register is back within 0.5 ms; timers do not resolve much
    /// below a millisecond. Timed by the system clock, whatever clock the store stamps events with.
    /// </summary>
    private static readonly TimeSpan GatherWait = TimeSpan.FromMilliseconds(1);
    // Read by one writer, but not declared so: only the general channel can count what is waiting.
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>();
    private readonly SqlDialect _dialect;
    private readonly TimeProvider _clock;
    private readonly Func<CancellationToken, Task<AppendTransaction>> _begin;
    private readonly Func<Exception, AppendFault> _classify;
    private readonly ILogger _logger;
    private readonly Task _writer;

    /// <summary>How many appends the next group can expect: those of the last group answered, and those already waiting then.</summary>
    private int _expected;

    /// <param name="begin">Starts an append transaction.</param>
    /// <param name="classify">What an engine's error while recording means (see <see cref="AppendFault"/>).</param>
    public GroupCommitQueue(SqlDialect dialect, TimeProvider clock, Func<CancellationToken, Task<AppendTransaction>> begin,
        Func<Exception, AppendFault> classify, ILogger logger)
    {
        _dialect = dialect;
        _clock = clock;
        _begin = begin;
        _classify = classify;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Queues the event behind those queued before it; the task completes with its outcome once its group is committed.</summary>
    public Task<AppendOutcome> Queue(PreparedEvent prepared, CancellationToken cancellationToken)
    {
        var pending = new PendingAppend(prepared, new TaskCompletionSource<AppendOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);

        // A caller that stops waiting does not withdraw the event: it may already be committed, and a retry with the same id is answered as a duplicate.
        return pending.Outcome.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops taking appends, records those already waiting and waits for the writer to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<PendingAppend>(MaxGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            TakeWaiting(group);
            await GatherAsync(group);
            await CommitAsync(group, takeArrivals: true);
            group.Clear();
        }
    }

    /// <summary>
    /// Waits, up to <see cref="GatherWait"/>, until the group holds the appends <see cref="_expected"/> says are coming: busy
    /// appenders send again as soon as they are answered, and a group that waits that moment for them shares its round trips
    /// and flush with them rather than leaving them to make a small group of their own while others wait. An append that
    /// comes later goes in the next group, and one that arrives alone after a lone append waits for nothing.
    /// </summary>
    private async Task GatherAsync(List<PendingAppend> group)
    {
        if (group.Count >= _expected)
        {
            return;
        }

        using var deadline = new CancellationTokenSource(GatherWait, TimeProvider.System);
        try
        {
            while (group.Count < _expected && await _queue.Reader.WaitToReadAsync(deadline.Token))
            {
                TakeWaiting(group);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Commits a group and answers its appends. Whatever goes wrong stays with the group and the writer lives on. When the
    /// database refused one event's rows, the events are recorded again one at a time, so only that event fails; when
    /// the store itself failed, every event of the group fails at once rather than waiting out the failure one by one.
    /// </summary>
    private async Task CommitAsync(List<PendingAppend> group, bool takeArrivals)
    {
        try
        {
            var outcomes = await RecordAsync(group, takeArrivals);
            _expected = Math.Min(MaxGroup, group.Count + _queue.Reader.Count);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Outcome.TrySetResult(outcomes[i]);
            }
        }
        catch (Exception e) when (group.Count > 1 && _classify(e) == AppendFault.Event)
        {
            GroupRefused(e, group.Count);
            foreach (var pending in group)
            {
                await CommitAsync([pending], takeArrivals: false);
            }
        }
        catch (Exception e)
        {
            GroupFailed(e, group.Count, group[0].Prepared.Event.EventId);
            group.ForEach(pending => pending.Outcome.TrySetException(e));
        }
    }

    /// <summary>
    /// Records the group in one transaction, at once when it can (see <see cref="GroupRecording.TryCommitAtOnceAsync"/>),
    /// adding appends that arrive meanwhile when asked to. A race with another process, or an id the group wrote at once
    /// finding itself taken, starts it over the usual way.
    /// </summary>
    private async Task<IReadOnlyList<AppendOutcome>> RecordAsync(List<PendingAppend> group, bool takeArrivals)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await _begin(CancellationToken.None);
                var recording = new GroupRecording(transaction, _dialect, _clock);
                if (attempt == 1 && await recording.TryCommitAtOnceAsync([.. group.Select(p => p.Prepared)], CancellationToken.None) is { } atOnce)
                {
                    return atOnce;
                }

                var added = 0;
                do
                {
                    await recording.AddAsync([.. group.Skip(added).Select(p => p.Prepared)], CancellationToken.None);
                    added = group.Count;
                }
                while (takeArrivals && TakeWaiting(group));

                return await recording.CommitAsync(CancellationToken.None);
            }
            catch (Exception e) when (_classify(e) == AppendFault.Race && attempt < MaxAttempts)
            {
                RaceLost(e, attempt);
            }
        }
    }

    /// <summary>Moves the appends waiting into the group, up to its limit; true when it took any.</summary>
    private bool TakeWaiting(List<PendingAppend> group)
    {
        var before = group.Count;
        while (group.Count < MaxGroup && _queue.Reader.TryRead(out var next))
        {
            group.Add(next);
        }

        return group.Count > before;
    }

    [LoggerMessage(1, LogLevel.Warning, "The database refused a row of a group of {Count} events; recording them one at a time")]
    private partial void GroupRefused(Exception exception, int count);

    [LoggerMessage(2, LogLevel.Error, "Recording {Count} events (the first {EventId}) failed; none of them is recorded")]
    private partial void GroupFailed(Exception exception, int count, string eventId);

    [LoggerMessage(3, LogLevel.Debug, "A group met a concurrent writer or an id already taken and is recorded again (attempt {Attempt})")]
    private partial void RaceLost(Exception exception, int attempt);

    private sealed record PendingAppend(PreparedEvent Prepared, TaskCompletionSource<AppendOutcome> Outcome);
}
