namespace OmniPos.Bench.Chain;

/// <summary>The cash in one register's drawer over one shift, as DESIGN.md §5 expects it: what the close should count.</summary>
internal sealed class Till(decimal openingFloat)
{
    public decimal Expected { get; private set; } = openingFloat;

    /// <summary>Cash handed over for a sale, less the change given from it.</summary>
    public void Take(decimal tendered, decimal change) => Expected += tendered - change;

    /// <summary>Cash leaving the drawer: a cash refund, a paid-out or a drop to the safe.</summary>
    public void Pay(decimal amount) => Expected -= amount;
}
