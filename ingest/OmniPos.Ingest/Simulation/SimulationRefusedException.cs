namespace OmniPos.Ingest.Simulation;

/// <summary>The ingest API did not accept what the simulation posted: the message quotes what it answered.</summary>
public sealed class SimulationRefusedException(string message) : Exception(message);
