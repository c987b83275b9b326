using OmniPos.Core.Events;
using OmniPos.Core.Storage;
using OmniPos.Core.Validation;

namespace OmniPos.Ingest.Importing;

/// <summary>
/// A kind of file whose units are events: they take the same path as posted events (<see cref="IOperationalStore.AppendAsync"/>),
/// so every rule of the core applies, and an event id derived from the file makes importing it again an exact replay.
/// </summary>
/// <param name="scope">Why the caller may not post an event (a storefront key posts only for its own store and device), or null when it may.</param>
internal abstract class EventImporter(Func<PosEvent, ValidationError?> scope) : Importer<PosEvent>
{
    public override async Task<IReadOnlyList<UnitOutcome>> RecordAsync(IOperationalStore store, IReadOnlyList<PosEvent> units, CancellationToken cancellationToken)
    {
        // Queued together, so they share the store's commits.
        var outcomes = await Task.WhenAll(units.Select(e => scope(e) is { } refusal
            ? Task.FromResult(AppendOutcome.Rejected([refusal]))
            : store.AppendAsync(e, cancellationToken)));
        return [.. outcomes.Select(o => o.Status switch
        {
            AppendStatus.Accepted => UnitOutcome.Accepted,
            AppendStatus.Duplicate => UnitOutcome.Duplicate,
            _ => UnitOutcome.Refused([.. o.Errors]),
        })];
    }
}
