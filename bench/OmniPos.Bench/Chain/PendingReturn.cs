using OmniPos.Core.Payments;

namespace OmniPos.Bench.Chain;

/// <summary>A return the simulation decided on when it made the sale, to be brought back to the store on a later day.</summary>
/// <param name="ToStoreCredit">Refunded as store credit instead of to the sale's tender.</param>
internal sealed record PendingReturn(
    int Store,
    string SaleId,
    int Product,
    string Sku,
    int Quantity,
    decimal Refund,
    TenderKind Tender,
    bool ToStoreCredit,
    bool Restock,
    string Reason);
