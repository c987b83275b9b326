namespace OmniPos.Warehouse.Promotions;

/// <summary>An estimated amount with its interval at the analysis' confidence (normal, from its standard error).</summary>
public sealed record Estimate(double Value, double Low, double High)
{
    public static Estimate Of(double value, double variance, double z)
    {
        var margin = z * Math.Sqrt(Math.Max(0, variance));
        // + 0.0 turns a negative zero (nothing measured, negated) into the zero it is.
        return new Estimate(value + 0.0, value - margin + 0.0, value + margin + 0.0);
    }

    public bool Covers(double truth) => truth >= Low && truth <= High;
}
