using OmniPos.Core.Ledger;
using OmniPos.Core.Validation;

namespace OmniPos.Core.Storage;

/// <summary>Records one prepared event inside a transaction the engine owns: idempotency, ledger rules, then all its rows.</summary>
internal sealed class EventRecorder(SqlDialect dialect, TimeProvider clock)
{
    /// <summary>The outcome, or null when a concurrent writer took the event id first (roll back and ask again).</summary>
    public async Task<AppendOutcome?> RecordAsync(LedgerSession session, PreparedEvent prepared, CancellationToken ct)
    {
        var opening = await LedgerQueries.OpenAsync(session, dialect, prepared.Event, ct);
        if (opening.Existing is { } existing)
        {
            return existing.Hash == prepared.Hash ? AppendOutcome.Duplicate(existing.Seq) : AppendOutcome.Conflict(prepared.Event.EventId);
        }

        var facts = await LedgerQueries.LoadAsync(session, dialect, opening, EventReferences.Of(prepared.Event), ct);
        var errors = EventValidator.CheckAgainst(prepared.Event, facts);
        if (errors.Count > 0)
        {
            return AppendOutcome.Rejected(errors);
        }

        var seq = await Sql.ExecuteAllAsync(session, LedgerWrites.For(prepared, facts, clock.GetUtcNow()), ct);
        return seq is { } recorded ? AppendOutcome.Accepted(recorded) : null;
    }
}
