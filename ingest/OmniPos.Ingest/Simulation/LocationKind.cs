namespace OmniPos.Ingest.Simulation;

public enum LocationKind
{
    Shop,
    Web,
    Marketplace,
}
