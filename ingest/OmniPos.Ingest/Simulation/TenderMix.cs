using OmniPos.Core.Payments;

namespace OmniPos.Ingest.Simulation;

/// <summary>How shoppers pay, by share of sales; a gift card is used only when one with a balance is about, else the shopper pays another way of the mix.</summary>
public static class TenderMix
{
    public static IReadOnlyList<(TenderKind Kind, double Share)> Shop { get; } =
        [(TenderKind.Cash, 0.22), (TenderKind.CardPresent, 0.52), (TenderKind.Wallet, 0.15), (TenderKind.Bnpl, 0.03), (TenderKind.GiftCard, 0.05), (TenderKind.StoreCredit, 0.03)];

    public static IReadOnlyList<(TenderKind Kind, double Share)> Online { get; } =
        [(TenderKind.CardNotPresent, 0.68), (TenderKind.Wallet, 0.18), (TenderKind.Bnpl, 0.08), (TenderKind.GiftCard, 0.06)];
}
