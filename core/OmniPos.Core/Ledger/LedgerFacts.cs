using OmniPos.Core.Catalog;

namespace OmniPos.Core.Ledger;

/// <summary>What the ledger knows of the things an event refers to, read inside the transaction that will record it.</summary>
/// <param name="AwaitedRefunds">
/// When returns recorded ahead of their sale name the event's receipt number: what they refunded to each tender number
/// (empty when they refunded to none); null when no return awaits it.
/// </param>
/// <param name="OriginalKind">
/// What the receipt number the event names as its original is: <c>sale</c> (then <paramref name="Original"/> holds it),
/// <c>return</c>, or <see cref="LedgerTables.AwaitedSale"/> (a sale not arrived that an earlier return named); null when
/// nothing is recorded under it.
/// </param>
internal sealed record LedgerFacts(
    Store? Store,
    Device? Device,
    IReadOnlySet<string> KnownSkus,
    IReadOnlySet<string> KnownPromotions,
    bool CustomerKnown,
    bool EmployeeKnown,
    bool TransactionIdTaken,
    IReadOnlyDictionary<int, decimal>? AwaitedRefunds,
    SaleFacts? Original,
    string? OriginalKind,
    IReadOnlyDictionary<StockKey, StockLevel> Stock);
