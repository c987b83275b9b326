using OmniPos.Core.Validation;

namespace OmniPos.Ingest.Events;

/// <summary>
/// One event's fate in a batch, at its place in the batch: <c>accepted</c> or <c>duplicate</c> with its seq, or
/// <c>conflict</c> or <c>rejected</c> with the problem type (as a single post would get) and the rules it broke.
/// </summary>
internal sealed record BatchResult(int Index, string? EventId, string Status, long? Seq, string? Type, IReadOnlyList<ValidationError>? Errors);
