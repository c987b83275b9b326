namespace OmniPos.Core.Replenishment;

/// <summary>
/// A low-stock alert of a store: raised when the units available fell below the SKU's reorder point (<see cref="Reason"/>
/// says whether a stockout is expected within the lead time), open until stock recovers to it. A store manager may
/// acknowledge it, or snooze it out of the inbox until a time.
/// </summary>
public sealed record StockAlert(
    long AlertId,
    string StoreId,
    string Sku,
    string Reason,
    int Available,
    int ReorderPoint,
    double? DaysOfCover,
    DateTimeOffset OpenedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? SnoozedUntil,
    DateTimeOffset? ResolvedAt,
    int? ResolvedAvailable)
{
    /// <summary>Available at or under the demand forecast over the lead time: the shelf is expected to empty before an order arrives.</summary>
    public const string StockoutExpected = "stockout_expected";

    /// <summary>Available under the reorder point, with enough to last the lead time (the safety stock is being used).</summary>
    public const string BelowReorderPoint = "below_reorder_point";

    public bool IsOpen => ResolvedAt is null;
}
