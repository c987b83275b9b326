namespace OmniPos.Warehouse.LossPrevention;

/// <summary>The exception rules, one per fraud scheme, named as the schemes are.</summary>
public static class ExceptionRules
{
    public static ExceptionRule Sweethearting { get; } = new("sweethearting",
        t => new Dictionary<string, object> { ["min_voids"] = t.SweetheartingMinVoids },
        t => t.SweetheartingMinVoids,
        (f, _) => $"{f.Measure:0} lines voided on a sale then rung up for {f.ContextAmount:0.00} by employee {f.Subject}");

    public static ExceptionRule PriceOverrideAbuse { get; } = new("price_override_abuse",
        t => new Dictionary<string, object> { ["min_depth"] = t.PriceOverrideMinDepth },
        t => t.PriceOverrideMinDepth,
        (f, _) => $"price overrides by employee {f.Subject} took {f.Measure:P0} ({f.Exposure:0.00}) off the shelf price of a sale");

    public static ExceptionRule VoidAfterTender { get; } = new("void_after_tender",
        t => new Dictionary<string, object> { ["min_amount"] = t.VoidAfterTenderMinAmount },
        _ => null,
        (f, _) => $"a cash sale of {f.Exposure:0.00} voided {f.Measure:0} minutes after it was paid, by employee {f.Subject}");

    public static ExceptionRule NoSaleBeforeShortage { get; } = new("no_sale_before_shortage",
        t => new Dictionary<string, object> { ["min_shortage"] = t.NoSaleMinShortage, ["min_no_sales"] = t.NoSaleMinNoSales },
        t => t.NoSaleMinNoSales,
        (f, _) => $"{f.Measure:0} no-sales on employee {f.Subject}'s shift, whose till then counted {f.Exposure:0.00} short");

    public static ExceptionRule RefundCycling { get; } = new("no_receipt_refund_cycling",
        t => new Dictionary<string, object>
        {
            ["min_refunds"] = t.RefundCyclingMinRefunds, ["min_amount"] = t.RefundCyclingMinAmount, ["window_days"] = t.RefundCyclingWindowDays,
        },
        t => t.RefundCyclingMinRefunds,
        (f, t) => $"a {f.Exposure:0.00} cash refund without receipt by employee {f.Subject}: {f.Measure:0} such in {t.RefundCyclingWindowDays} days");

    public static ExceptionRule CardTesting { get; } = new("card_testing",
        t => new Dictionary<string, object>
        {
            ["min_cards"] = t.CardTestingMinCards, ["max_gap_seconds"] = t.CardTestingMaxGapSeconds, ["max_median_order"] = t.CardTestingMaxMedianOrder,
        },
        t => t.CardTestingMinCards,
        (f, _) => $"{f.Measure:0} different cards tried in a burst of guest orders on {f.Subject} (median order {f.ContextAmount:0.00}, {f.Exposure:0.00} in all)");

    public static ExceptionRule GiftCardDraining { get; } = new("gift_card_draining",
        t => new Dictionary<string, object> { ["min_orders"] = t.GiftCardMinOrders, ["max_gap_hours"] = t.GiftCardMaxGapHours },
        t => t.GiftCardMinOrders,
        (f, _) => $"gift card {f.Subject} spent on {f.Measure:0} online orders by one customer within hours ({f.Exposure:0.00})");

    public static IReadOnlyList<ExceptionRule> All { get; } =
        [Sweethearting, PriceOverrideAbuse, VoidAfterTender, NoSaleBeforeShortage, RefundCycling, CardTesting, GiftCardDraining];

    public static ExceptionRule Named(string name) =>
        All.FirstOrDefault(r => r.Name == name) ?? throw new ArgumentException($"no exception rule is named '{name}'", nameof(name));
}
