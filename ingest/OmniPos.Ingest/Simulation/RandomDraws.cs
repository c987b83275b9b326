namespace OmniPos.Ingest.Simulation;

/// <summary>The draws the simulator makes from its one seeded generator.</summary>
internal static class RandomDraws
{
    /// <summary>An index drawn with chances proportional to the weights.</summary>
    public static int Weighted(this Random random, IReadOnlyList<double> weights)
    {
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            total += weights[i];
        }

        var draw = random.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            draw -= weights[i];
            if (draw < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }

    /// <summary>One of the choices, with chances proportional to <paramref name="weight"/>.</summary>
    public static T Pick<T>(this Random random, IReadOnlyList<T> choices, Func<T, double> weight) =>
        choices[random.Weighted([.. choices.Select(weight)])];

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Normal(this Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>A count from a Poisson distribution with the mean: by inversion for the small means of daily demand, else its normal approximation.</summary>
    public static int Poisson(this Random random, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * random.Normal())));
        }

        var limit = Math.Exp(-mean);
        var product = random.NextDouble();
        var count = 0;
        while (product > limit)
        {
            product *= random.NextDouble();
            count++;
        }

        return count;
    }
}
