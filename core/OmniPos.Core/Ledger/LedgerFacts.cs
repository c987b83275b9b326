using OmniPos.Core.Catalog;

namespace OmniPos.Core.Ledger;

/// <summary>What the ledger knows of the things an event refers to, read inside the transaction that will record it.</summary>
internal sealed record LedgerFacts(
    Store? Store,
    Device? Device,
    IReadOnlySet<string> KnownSkus,
    IReadOnlySet<string> KnownPromotions,
    bool CustomerKnown,
    bool EmployeeKnown,
    bool TransactionIdTaken,
    SaleFacts? Original,
    IReadOnlyDictionary<StockKey, StockLevel> Stock);
