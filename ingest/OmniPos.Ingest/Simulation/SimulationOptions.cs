namespace OmniPos.Ingest.Simulation;

/// <summary>
/// The size and character of a simulated chain. Everything the simulator draws comes from <see cref="Seed"/>, so the same
/// options give the same world and the same event stream, byte for byte.
/// </summary>
public sealed record SimulationOptions
{
    public int Days { get; init; } = 365;

    /// <summary>Shops; a web storefront and a marketplace presence come on top.</summary>
    public int Stores { get; init; } = 12;

    /// <summary>Sellable SKUs, gift cards not counted.</summary>
    public int Skus { get; init; } = 2_000;

    public int Seed { get; init; } = 7;

    public DateOnly FirstDay { get; init; } = new(2026, 1, 1);

    /// <summary>Units a mid-size shop sells on an ordinary day at list prices, all SKUs together.</summary>
    public double ShopUnitsPerDay { get; init; } = 90;

    /// <summary>The web storefront's demand as a share of the shops' together; the marketplace has a third of it.</summary>
    public double WebShare { get; init; } = 0.20;

    /// <summary>Loyalty members; a member buys in shops and online.</summary>
    public int Customers { get; init; } = 3_000;

    /// <summary>The chance that a register spends part of a day offline and uploads its queue the next morning.</summary>
    public double OfflineRegisterDayShare { get; init; } = 0.01;

    /// <summary>Promotions over the whole period, about one every two weeks by default.</summary>
    public int? Promotions { get; init; }

    public FraudOptions Fraud { get; init; } = new();

    public DateOnly LastDay => FirstDay.AddDays(Days - 1);

    public int PromotionCount => Promotions ?? Math.Max(1, Days / 14);

    /// <summary>Every problem of <see cref="Problems"/> in one message; null when the options can be simulated.</summary>
    public string? Refusal() => Problems() is { Count: > 0 } problems ? string.Join("; ", problems) : null;

    /// <summary>A clear message for each option out of range; none when the options can be simulated.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Days is < 7 or > 3_660)
        {
            problems.Add($"days must be 7 to 3660, not {Days}");
        }

        if (Stores is < 1 or > 200)
        {
            problems.Add($"stores must be 1 to 200, not {Stores}");
        }

        if (Skus is < 20 or > 50_000)
        {
            problems.Add($"skus must be 20 to 50000, not {Skus}");
        }

        if (Customers < 10)
        {
            problems.Add($"customers must be at least 10, not {Customers}");
        }

        if (ShopUnitsPerDay is <= 0 or > 100_000 || WebShare is < 0 or > 5 || OfflineRegisterDayShare is < 0 or > 1)
        {
            problems.Add("shop units per day must be positive, the web share 0 to 5 and the offline share 0 to 1");
        }

        problems.AddRange(Fraud.Problems());
        return problems;
    }
}
