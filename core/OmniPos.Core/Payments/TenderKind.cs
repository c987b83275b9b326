namespace OmniPos.Core.Payments;

public enum TenderKind
{
    Cash,
    CardPresent,
    CardNotPresent,
    Wallet,
    Bnpl,
    GiftCard,
    StoreCredit,
}
