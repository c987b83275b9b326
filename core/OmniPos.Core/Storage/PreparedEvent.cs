using OmniPos.Core.Events;
using OmniPos.Core.Ledger;
using OmniPos.Core.Validation;

namespace OmniPos.Core.Storage;

/// <summary>
/// An event with its canonical JSON, hash and references, checked on its own; only such an event reaches the database.
/// Preparing runs on the caller's thread, so the work is spread over concurrent appends rather than left to a writer.
/// </summary>
/// <param name="Json">The canonical JSON (see <see cref="EventJson.SerializeToUtf8"/>), as UTF-8.</param>
internal sealed record PreparedEvent(PosEvent Event, byte[] Json, string Hash, EventReferences References)
{
    public static (PreparedEvent? Prepared, IReadOnlyList<ValidationError> Errors) Prepare(PosEvent e)
    {
        var json = EventJson.SerializeToUtf8(e);
        var errors = EventValidator.CheckAlone(e, json);
        return errors.Count > 0 ? (null, errors) : (new PreparedEvent(e, json, EventJson.Hash(json), EventReferences.Of(e)), []);
    }
}
