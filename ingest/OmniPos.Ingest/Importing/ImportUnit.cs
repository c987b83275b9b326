namespace OmniPos.Ingest.Importing;

/// <summary>What some rows of a file become together: an event (an invoice, an order) or a processor record.</summary>
/// <param name="Type">What it is, for the report's counts: <c>sale</c>, <c>return</c>, <c>settlement</c>, <c>chargeback</c>.</param>
/// <param name="Lines">The lines of the rows it is made of.</param>
internal sealed record ImportUnit<T>(T Item, string Type, IReadOnlyList<int> Lines);
