namespace OmniPos.Ingest.Events;

/// <summary>What a batch post gets back: a result per event, in the order they were sent, and how many were recorded.</summary>
internal sealed record BatchAnswer(int Accepted, int Duplicates, int Refused, IReadOnlyList<BatchResult> Results);
