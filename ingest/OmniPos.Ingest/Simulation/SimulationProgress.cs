namespace OmniPos.Ingest.Simulation;

/// <summary>How far a simulation has got: days posted of all, and events posted so far.</summary>
public sealed record SimulationProgress(int DaysPosted, int Days, long EventsPosted);
