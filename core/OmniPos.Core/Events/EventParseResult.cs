using OmniPos.Core.Validation;

namespace OmniPos.Core.Events;

/// <summary>Either a parsed event or the reason the document is not one.</summary>
public sealed record EventParseResult(PosEvent? Event, ValidationError? Error)
{
    public static EventParseResult Parsed(PosEvent e) => new(e, null);

    public static EventParseResult Failed(ValidationError error) => new(null, error);
}
