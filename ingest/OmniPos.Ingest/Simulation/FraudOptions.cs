namespace OmniPos.Ingest.Simulation;

/// <summary>
/// How much fraud the simulator injects. The in-store rates are cases per 100 shifts a dishonest cashier works (so the
/// chain's count grows with <see cref="DishonestCashiers"/>), the web ones cases per 100 days; every case is written to
/// the ground truth, never into anything detection reads.
/// </summary>
public sealed record FraudOptions
{
    /// <summary>Cashiers who ring up friends' baskets short or with overridden prices; the rest are honest.</summary>
    public int DishonestCashiers { get; init; } = 3;

    public double Sweethearting { get; init; } = 1.5;

    public double PriceOverrideAbuse { get; init; } = 1.0;

    public double VoidAfterTender { get; init; } = 0.8;

    public double NoSaleBeforeShortage { get; init; } = 0.6;

    /// <summary>No-receipt refunds to cash that one dishonest cashier processes again and again.</summary>
    public double RefundCycling { get; init; } = 0.8;

    public double CardTesting { get; init; } = 2.0;

    public double GiftCardDraining { get; init; } = 2.0;

    public static FraudOptions None { get; } = new()
    {
        DishonestCashiers = 0, Sweethearting = 0, PriceOverrideAbuse = 0, VoidAfterTender = 0, NoSaleBeforeShortage = 0,
        RefundCycling = 0, CardTesting = 0, GiftCardDraining = 0,
    };

    /// <summary>Every rate times <paramref name="factor"/> (0 injects none), with the given number of dishonest cashiers.</summary>
    public FraudOptions Scaled(double factor, int dishonestCashiers) => new()
    {
        DishonestCashiers = dishonestCashiers, Sweethearting = Sweethearting * factor, PriceOverrideAbuse = PriceOverrideAbuse * factor,
        VoidAfterTender = VoidAfterTender * factor, NoSaleBeforeShortage = NoSaleBeforeShortage * factor, RefundCycling = RefundCycling * factor,
        CardTesting = CardTesting * factor, GiftCardDraining = GiftCardDraining * factor,
    };

    internal IReadOnlyList<string> Problems() =>
        new[] { Sweethearting, PriceOverrideAbuse, VoidAfterTender, NoSaleBeforeShortage, RefundCycling, CardTesting, GiftCardDraining }
            .Any(r => r is < 0 or > 100) || DishonestCashiers < 0
            ? ["fraud rates must be 0 to 100 cases per 100 days and dishonest cashiers not negative"]
            : [];
}
