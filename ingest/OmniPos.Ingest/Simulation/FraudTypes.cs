namespace OmniPos.Ingest.Simulation;

/// <summary>The fraud schemes the simulator injects, as the ground truth names them.</summary>
public static class FraudTypes
{
    public const string Sweethearting = "sweethearting";
    public const string RefundCycling = "no_receipt_refund_cycling";
    public const string VoidAfterTender = "void_after_tender";
    public const string NoSaleBeforeShortage = "no_sale_before_shortage";
    public const string PriceOverrideAbuse = "price_override_abuse";
    public const string CardTesting = "card_testing";
    public const string GiftCardDraining = "gift_card_draining";
}
