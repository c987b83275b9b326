using OmniPos.Core.Ledger;
using OmniPos.Core.Validation;

namespace OmniPos.Core.Storage;

/// <summary>
/// Records events inside a transaction the engine owns, a segment at a time (see <see cref="Segments"/>): one batch reads
/// everything the segment's events name, each event is answered (duplicate, conflict, rejected or accepted) against
/// those facts, and one batch writes the accepted ones. A refused event writes nothing, so it needs no savepoint.
/// </summary>
internal sealed class GroupRecorder(SqlDialect dialect, TimeProvider clock)
{
    /// <summary>The outcomes in order.</summary>
    /// <exception cref="ConcurrentAppendException">Another writer recorded one of the event ids first: roll back and record them again.</exception>
    public async Task<IReadOnlyList<AppendOutcome>> RecordAsync(LedgerSession session, IReadOnlyList<PreparedEvent> events, CancellationToken ct)
    {
        var outcomes = new AppendOutcome[events.Count];
        var next = 0;
        foreach (var segment in Segments.Of(events))
        {
            var facts = await LedgerQueries.LoadAsync(session, dialect, segment, ct);
            var writes = new LedgerWrites(clock.GetUtcNow());
            var accepted = new List<(int Index, string EventId, long Seq)>();
            foreach (var prepared in segment)
            {
                var index = next++;
                var e = prepared.Event;
                if (facts.Recorded.TryGetValue(e.EventId, out var recorded))
                {
                    outcomes[index] = recorded.Hash == prepared.Hash ? AppendOutcome.Duplicate(recorded.Seq) : AppendOutcome.Conflict(e.EventId);
                    continue;
                }

                var eventFacts = facts.For(prepared);
                var errors = EventValidator.CheckAgainst(e, eventFacts);
                if (errors.Count > 0)
                {
                    outcomes[index] = AppendOutcome.Rejected(errors);
                    continue;
                }

                var seq = facts.FreshSeqs.Dequeue();
                writes.Add(prepared, seq, eventFacts.Original);
                accepted.Add((index, e.EventId, seq));
            }

            if (accepted.Count == 0)
            {
                continue;
            }

            var inserted = await writes.WriteAsync(session, dialect, ct);
            foreach (var (index, eventId, seq) in accepted)
            {
                outcomes[index] = inserted.Contains(eventId) ? AppendOutcome.Accepted(seq) : throw new ConcurrentAppendException(eventId);
            }
        }

        return outcomes;
    }
}
