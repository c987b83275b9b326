namespace OmniPos.Core.Ledger;

/// <summary>A recorded sale as returns and payment events see it: units sold and already returned per SKU, and its tenders.</summary>
internal sealed record SaleFacts(
    string TransactionId,
    long Seq,
    string Currency,
    IReadOnlyDictionary<string, int> SoldBySku,
    IReadOnlyDictionary<string, int> ReturnedBySku,
    IReadOnlyList<TenderPosition> Tenders);
