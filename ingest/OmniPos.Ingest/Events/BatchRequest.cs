using OmniPos.Core.Events;

namespace OmniPos.Ingest.Events;

/// <summary>The body of a batch post, as the OpenAPI document describes it; each event is read on its own (see <see cref="BatchHandler"/>).</summary>
internal sealed record BatchRequest(IReadOnlyList<PosEvent> Events);
