namespace OmniPos.Ingest.Events;

/// <summary>What a device gets back for a recorded event: <c>accepted</c> or <c>duplicate</c>, and the event's seq.</summary>
internal sealed record EventAnswer(string Status, long Seq);
