namespace OmniPos.Warehouse.Promotions;

/// <summary>An estimated amount with its interval at the analysis' confidence (normal, from its standard error).</summary>
public sealed record Estimate(double Value, double Low, double High)
{
    public static Estimate Of(double value, double variance, double z)
    {
        var margin = z * Math.Sqrt(Math.Max(0, variance));
        return new Estimate(value, value - margin, value + margin);
    }

    public bool Covers(double truth) => truth >= Low && truth <= High;
}
