using OmniPos.Core.Validation;

namespace OmniPos.Ingest.Events;

/// <summary>Why an event was turned away before the store saw it.</summary>
internal enum RefusalKind
{
    /// <summary>Not a well-formed event (400).</summary>
    Malformed,

    /// <summary>It carries a card number (422, like any broken rule).</summary>
    CardNumber,

    /// <summary>The key may not post it (403).</summary>
    Forbidden,
}

/// <param name="EventId">The refused event's id, when it was read far enough to have one (a forbidden event).</param>
internal sealed record Refusal(RefusalKind Kind, ValidationError Error, string? EventId = null)
{
    /// <summary>The problem type a refusal answers with, alone or in a batch.</summary>
    public string ProblemType => Kind switch
    {
        RefusalKind.Malformed => "malformed",
        RefusalKind.Forbidden => "forbidden",
        _ => "validation",
    };
}
