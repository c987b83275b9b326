namespace OmniPos.Ingest.LossPrevention;

/// <summary>An analyst's note on a verdict, optional.</summary>
internal sealed record ReviewRequest(string? Note);
