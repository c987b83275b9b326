namespace OmniPos.Ingest.Importing;

/// <summary>How far a run is: units answered and durable, out of the file's units.</summary>
public sealed record ImportProgress(int UnitsDone, int Units);
