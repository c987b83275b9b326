namespace OmniPos.Ingest.Simulation;

/// <summary>A till's cash through one shift: what the system expects in it, and what a dishonest cashier took out of it.</summary>
internal sealed class Drawer(decimal openingFloat)
{
    public decimal Expected { get; private set; } = openingFloat;

    /// <summary>Cash taken from the drawer that no event accounts for.</summary>
    public decimal Pocketed { get; set; }

    public void Take(decimal cash, decimal change) => Expected += cash - change;

    public void Pay(decimal cash) => Expected -= cash;
}
