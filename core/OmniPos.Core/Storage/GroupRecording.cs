using OmniPos.Core.Ledger;
using OmniPos.Core.Validation;

namespace OmniPos.Core.Storage;

/// <summary>
/// Records events in one append transaction, a segment at a time (see <see cref="Segments"/>), and commits them. A
/// segment's reads travel in one batch with the writes of the segment before it, and on PostgreSQL the last writes with
/// the COMMIT (see <see cref="AppendTransaction"/>), so a group of independent events costs two round trips, or one when
/// it can be written at once (see <see cref="TryCommitAtOnceAsync"/>). Each event is answered (duplicate, conflict,
/// rejected or accepted) against the facts read for its segment; a refused event writes nothing, so it needs no
/// savepoint. Any failure leaves the transaction to roll back as a whole.
/// </summary>
internal sealed class GroupRecording(AppendTransaction transaction, SqlDialect dialect, TimeProvider clock)
{
    private readonly List<AppendOutcome> _outcomes = [];
    private bool _opened;
    private LedgerWrites? _pending;

    /// <summary>
    /// Records and commits the events in one round trip when the catalog cache answers everything they ask (see
    /// <see cref="LedgerQueries.FromCache"/>) and every one of them is accepted: a busy store's usual group. Their rows go in one
    /// statement (see <see cref="SqlDialect.AddWritesAtOnce"/>). An event id or receipt number already taken fails the transaction
    /// on its unique index, and the caller records the group again the usual way, which answers it; a rejection is left to
    /// that way too, since only the ledger can tell a rejected event from a replay. When the catalog changed meanwhile the
    /// transaction wrote nothing, and this one goes on the usual way.
    /// </summary>
    /// <returns>The outcomes of the events, in order; null when they are still to be recorded through <see cref="AddAsync"/>.</returns>
    public async Task<IReadOnlyList<AppendOutcome>?> TryCommitAtOnceAsync(IReadOnlyList<PreparedEvent> events, CancellationToken ct)
    {
        if (!dialect.WritesAtOnce || transaction.Catalog.Version is not { } version || Segments.Of(events).Skip(1).Any()
            || LedgerQueries.FromCache(events, transaction.Catalog) is not { } facts)
        {
            return null;
        }

        facts.AddFreshSeqs(1, events.Count); // stand-ins: each event's place in the group, exchanged for its seq once written
        var writes = Answer(events, facts);
        var seqs = new Dictionary<long, long>();
        if (writes is { ChangesRecordedRows: false } && _outcomes.All(o => o.Status == AppendStatus.Accepted))
        {
            var batch = StartBatch();
            dialect.AddWritesAtOnce(batch, writes.Tables(), version, (place, seq) => seqs[place] = seq);
            await transaction.CommitAsync(batch, ct);
        }

        if (seqs.Count == 0)
        {
            _outcomes.Clear();
            _opened = false;
            return null;
        }

        return [.. _outcomes.Select(o => AppendOutcome.Accepted(seqs[o.Seq!.Value]))];
    }

    /// <summary>Records the events after those added before; the last segment's writes wait for the next call or <see cref="CommitAsync"/>.</summary>
    public async Task AddAsync(IReadOnlyList<PreparedEvent> events, CancellationToken ct)
    {
        foreach (var segment in Segments.Of(events))
        {
            _pending = Answer(segment, await ReadFactsAsync(segment, ct));
        }
    }

    /// <summary>The segment's facts, read again (without the catalog cache, which the first read emptied) when cached ones proved out of date.</summary>
    private async Task<SegmentFacts> ReadFactsAsync(IReadOnlyList<PreparedEvent> segment, CancellationToken ct)
    {
        while (true)
        {
            var batch = StartBatch();
            var facts = LedgerQueries.AskFor(batch, dialect, segment, transaction.Catalog);
            await batch.ExecuteAsync(transaction.Session, ct);
            if (facts() is { Stale: false } read)
            {
                return read;
            }
        }
    }

    /// <summary>Writes what is pending and commits; the outcomes of every event added, in order.</summary>
    public async Task<IReadOnlyList<AppendOutcome>> CommitAsync(CancellationToken ct)
    {
        await transaction.CommitAsync(StartBatch(), ct);
        return _outcomes;
    }

    /// <summary>A batch that opens the transaction if nothing has yet, and carries the writes still pending.</summary>
    private SqlBatch StartBatch()
    {
        var batch = new SqlBatch();
        if (!_opened)
        {
            transaction.Begin(batch);
            dialect.OpenTransaction(batch);
            _opened = true;
        }

        _pending?.AddTo(batch, dialect);
        _pending = null;
        return batch;
    }

    /// <summary>Answers each event of the segment from its facts; the writes of those accepted, or null when none is.</summary>
    private LedgerWrites? Answer(IReadOnlyList<PreparedEvent> segment, SegmentFacts facts)
    {
        var writes = new LedgerWrites(clock.GetUtcNow());
        var accepted = 0;
        foreach (var prepared in segment)
        {
            var e = prepared.Event;
            if (facts.Recorded.TryGetValue(e.EventId, out var recorded))
            {
                _outcomes.Add(recorded.Hash == prepared.Hash ? AppendOutcome.Duplicate(recorded.Seq) : AppendOutcome.Conflict(e.EventId));
                continue;
            }

            var eventFacts = facts.For(prepared);
            var errors = EventValidator.CheckAgainst(e, prepared.References, eventFacts);
            if (errors.Count > 0)
            {
                _outcomes.Add(AppendOutcome.Rejected(errors));
                continue;
            }

            var seq = facts.FreshSeqs.Dequeue();
            writes.Add(prepared, seq, eventFacts);
            _outcomes.Add(AppendOutcome.Accepted(seq)); // true once the transaction commits, and only then returned
            accepted++;
        }

        return accepted > 0 ? writes : null;
    }
}
