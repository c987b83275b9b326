using OmniPos.Core.Events;

namespace OmniPos.Ingest.Events;

/// <summary>What <see cref="EventIntake"/> made of a posted event's text: the event to append, or why it is refused.</summary>
internal sealed record EventReading(PosEvent? Event, Refusal? Refusal);
