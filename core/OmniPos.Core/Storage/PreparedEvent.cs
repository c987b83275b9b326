using OmniPos.Core.Events;
using OmniPos.Core.Validation;

namespace OmniPos.Core.Storage;

/// <summary>An event with its canonical JSON and hash, checked on its own; only such an event reaches the database.</summary>
internal sealed record PreparedEvent(PosEvent Event, string Json, string Hash)
{
    public static (PreparedEvent? Prepared, IReadOnlyList<ValidationError> Errors) Prepare(PosEvent e)
    {
        var json = EventJson.Serialize(e);
        var errors = EventValidator.CheckAlone(e, json);
        return errors.Count > 0 ? (null, errors) : (new PreparedEvent(e, json, EventJson.Hash(json)), []);
    }
}
