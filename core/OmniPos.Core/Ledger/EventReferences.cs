using OmniPos.Core.Devices;
using OmniPos.Core.Events;
using OmniPos.Core.Inventory;
using OmniPos.Core.Payments;
using OmniPos.Core.Pricing;
using OmniPos.Core.Returns;
using OmniPos.Core.Sales;

namespace OmniPos.Core.Ledger;

/// <summary>Everything an event names that must already exist, so the ledger can load exactly those facts.</summary>
internal sealed record EventReferences(
    IReadOnlySet<string> Skus,
    IReadOnlySet<string> Promotions,
    string? CustomerId,
    string? EmployeeId,
    string? NewTransactionId,
    string? OriginalTransactionId,
    IReadOnlyList<StockKey> ReservedStock)
{
    public static EventReferences Of(PosEvent e) => e.Body switch
    {
        SaleRecorded s => new(
            s.Lines.Select(l => l.Sku).ToHashSet(StringComparer.Ordinal),
            s.Lines.SelectMany(l => l.Discounts ?? []).Select(d => d.PromotionId).OfType<string>().ToHashSet(StringComparer.Ordinal),
            s.CustomerId, s.EmployeeId, s.TransactionId, null, []),
        ReturnRecorded r => new(
            r.Lines.Select(l => l.Sku).ToHashSet(StringComparer.Ordinal), Empty,
            null, r.EmployeeId, r.TransactionId, r.OriginalTransactionId, []),
        PaymentCaptured c => new(Empty, Empty, null, null, null, c.TransactionId, []),
        PaymentRefunded f => new(Empty, Empty, null, null, null, f.TransactionId, []),
        DeviceEventRecorded d => new(Empty, Empty, null, d.EmployeeId, null, null, []),
        InventoryMoved m => new(
            new HashSet<string>([m.Sku], StringComparer.Ordinal), Empty, null, null, null, null,
            m.Kind == MovementKind.ReservationRelease ? [new StockKey(m.Sku, m.Location ?? e.StoreId)] : []),
        PriceChanged p => new(
            new HashSet<string>([p.Sku], StringComparer.Ordinal),
            p.PromotionId is null ? Empty : new HashSet<string>([p.PromotionId], StringComparer.Ordinal),
            null, null, null, null, []),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.Body.Type, "unknown event body"),
    };

    private static readonly HashSet<string> Empty = [];
}
