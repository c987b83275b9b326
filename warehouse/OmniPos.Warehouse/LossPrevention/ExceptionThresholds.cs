namespace OmniPos.Warehouse.LossPrevention;

/// <summary>
/// Where each exception rule starts to call something a case (the <c>LossPrevention:Rules</c> settings). The defaults
/// keep honest days quiet: one voided line, a 10% price match, a till a few dollars out, a no-receipt return to store
/// credit or a busy hour of guest orders raise nothing.
/// </summary>
public sealed record ExceptionThresholds
{
    /// <summary>Lines voided on one tendered sale.</summary>
    public int SweetheartingMinVoids { get; init; } = 2;

    /// <summary>The share of a sale's shelf value its price overrides took off.</summary>
    public double PriceOverrideMinDepth { get; init; } = 0.25;

    /// <summary>The total of a cash sale voided after it was tendered.</summary>
    public decimal VoidAfterTenderMinAmount { get; init; } = 1m;

    public decimal NoSaleMinShortage { get; init; } = 10m;

    /// <summary>No-sales on the shift that counted short.</summary>
    public int NoSaleMinNoSales { get; init; } = 2;

    /// <summary>Cash refunds without receipt by one employee within <see cref="RefundCyclingWindowDays"/>.</summary>
    public int RefundCyclingMinRefunds { get; init; } = 1;

    public decimal RefundCyclingMinAmount { get; init; } = 1m;

    public int RefundCyclingWindowDays { get; init; } = 90;

    /// <summary>Different cards in one burst of guest orders.</summary>
    public int CardTestingMinCards { get; init; } = 5;

    /// <summary>The median order of a burst at most: testers try cards on the cheapest things.</summary>
    public decimal CardTestingMaxMedianOrder { get; init; } = 25m;

    /// <summary>The longest pause within a burst.</summary>
    public int CardTestingMaxGapSeconds { get; init; } = 300;

    /// <summary>Online orders one customer paid from one gift card in a row.</summary>
    public int GiftCardMinOrders { get; init; } = 2;

    /// <summary>The longest pause between two of those orders.</summary>
    public double GiftCardMaxGapHours { get; init; } = 6;

    /// <summary>What is wrong with the settings, each in a sentence; none when every threshold can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (SweetheartingMinVoids < 1 || NoSaleMinNoSales < 1 || RefundCyclingMinRefunds < 1 || CardTestingMinCards < 2 || GiftCardMinOrders < 2)
        {
            problems.Add("the counts must be at least 1 (voids, no-sales, refunds) or 2 (cards of a burst, orders from a gift card)");
        }

        if (PriceOverrideMinDepth is <= 0 or > 1)
        {
            problems.Add("PriceOverrideMinDepth is a share of the shelf price, above 0 and at most 1");
        }

        if (VoidAfterTenderMinAmount < 0 || NoSaleMinShortage <= 0 || RefundCyclingMinAmount < 0 || CardTestingMaxMedianOrder <= 0)
        {
            problems.Add("the amounts must not be negative, and the shortage and the median order must be above 0");
        }

        if (RefundCyclingWindowDays is < 1 or > 366 || CardTestingMaxGapSeconds is < 1 or > 86_400 || GiftCardMaxGapHours is <= 0 or > 720)
        {
            problems.Add("the window is 1 to 366 days, the burst gap 1 s to a day and the gift-card gap up to 30 days");
        }

        return problems;
    }
}
