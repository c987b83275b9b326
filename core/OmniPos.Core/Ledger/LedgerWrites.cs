using OmniPos.Core.Devices;
using OmniPos.Core.Events;
using OmniPos.Core.Inventory;
using OmniPos.Core.Payments;
using OmniPos.Core.Returns;
using OmniPos.Core.Sales;
using OmniPos.Core.Storage;
using static OmniPos.Core.Storage.Sql;

namespace OmniPos.Core.Ledger;

/// <summary>
/// The rows a valid event implies, written with the event in one transaction. Running balances (refunded, captured) are
/// written as values computed here from the locked facts, never summed in SQL, so amounts stay exact on both engines.
/// </summary>
internal static class LedgerWrites
{
    private const string StockUpsertSuffix =
        " ON CONFLICT (sku, location) DO UPDATE SET on_hand = stock.on_hand + excluded.on_hand, reserved = stock.reserved + excluded.reserved";

    /// <summary>The statements for an event; the first inserts the event and returns its seq, or nothing if the id is already taken.</summary>
    public static IReadOnlyList<SqlStatement> For(PreparedEvent prepared, LedgerFacts facts, DateTimeOffset receivedAt)
    {
        var e = prepared.Event;
        var writes = new StatementList();
        writes.InsertRows("events",
            "event_id, event_type, store_id, device_id, occurred_at_utc, occurred_offset_minutes, received_at_utc, payload_hash, payload",
            [[e.EventId, e.Body.Type, e.StoreId, e.DeviceId, e.OccurredAt.UtcDateTime, (int)e.OccurredAt.Offset.TotalMinutes,
              receivedAt.UtcDateTime, prepared.Hash, prepared.Json]],
            " ON CONFLICT (event_id) DO NOTHING RETURNING seq");
        var movements = new List<Movement>();
        switch (e.Body)
        {
            case SaleRecorded sale:
                WriteSale(writes, e, sale, movements);
                break;
            case ReturnRecorded ret:
                WriteReturn(writes, e, ret, facts.Original, movements);
                break;
            case PaymentCaptured capture:
                WriteTenderChange(writes, e, capture.TransactionId, capture.TenderNo, "capture", capture.Amount, null, facts.Original!);
                break;
            case PaymentRefunded refund:
                WriteTenderChange(writes, e, refund.TransactionId, refund.TenderNo, "refund", refund.Amount, refund.Reason, facts.Original!);
                break;
            case DeviceEventRecorded device:
                writes.InsertRows("device_events", "event_id, store_id, device_id, kind, employee_id, transaction_id, line_no, amount, reason",
                    [[e.EventId, e.StoreId, e.DeviceId, EnumText.Of(device.Kind), device.EmployeeId, device.TransactionId, device.LineNo, device.Amount, device.Reason]]);
                break;
            case InventoryMoved moved:
                movements.Add(Movement.Of(moved, e.StoreId));
                break;
        }

        WriteMovements(writes, e.EventId, movements);
        return writes.Statements;
    }

    private static void WriteSale(StatementList writes, PosEvent e, SaleRecorded sale, List<Movement> movements)
    {
        writes.InsertRows("transactions", "transaction_id, kind, event_id, store_id, original_transaction_id, currency, total",
            [[sale.TransactionId, "sale", e.EventId, e.StoreId, null, sale.Currency, sale.Total]]);
        writes.InsertRows("sale_lines", "transaction_id, line_no, sku, quantity, unit_price, discount_total, tax_total, fulfilment, location",
            [.. sale.Lines.Select(l => new object?[]
            {
                sale.TransactionId, l.LineNo, l.Sku, l.Quantity, l.UnitPrice, l.DiscountTotal, l.TaxTotal, EnumText.Of(l.Fulfilment), l.Location ?? e.StoreId,
            })]);
        var changeTender = sale.Tenders.LastOrDefault(t => t.Kind == TenderKind.Cash)?.TenderNo;
        writes.InsertRows("tenders", "transaction_id, tender_no, kind, amount, paid, refunded, captured, token, brand, last_four, auth_code, reference",
            [.. sale.Tenders.Select(t => new object?[]
            {
                sale.TransactionId, t.TenderNo, EnumText.Of(t.Kind), t.Amount,
                t.TenderNo == changeTender ? t.Amount - sale.ChangeGiven : t.Amount,
                0m,
                t.Kind == TenderKind.CardNotPresent ? 0m : t.Amount, // card-not-present is authorized now and captured later
                t.Card?.Token, t.Card?.Brand, t.Card?.LastFour, t.Card?.AuthCode, t.Reference,
            })]);
        movements.AddRange(sale.Lines.Select(l => new Movement(l.Sku, l.Location ?? e.StoreId, MovementKind.Sale, -l.Quantity, 0, null, null, sale.TransactionId)));
    }

    private static void WriteReturn(StatementList writes, PosEvent e, ReturnRecorded ret, SaleFacts? original, List<Movement> movements)
    {
        writes.InsertRows("transactions", "transaction_id, kind, event_id, store_id, original_transaction_id, currency, total",
            [[ret.TransactionId, "return", e.EventId, e.StoreId, ret.OriginalTransactionId, ret.Currency, ret.Refunds.Sum(r => r.Amount)]]);
        writes.InsertRows("return_lines", "transaction_id, line_no, original_transaction_id, sku, quantity, refund_amount, reason, restock, location",
            [.. ret.Lines.Select(l => new object?[]
            {
                ret.TransactionId, l.LineNo, ret.OriginalTransactionId, l.Sku, l.Quantity, l.RefundAmount, l.Reason, l.Restock, l.Location ?? e.StoreId,
            })]);
        writes.InsertRows("refunds", "transaction_id, refund_no, kind, amount, original_transaction_id, original_tender_no, reference",
            [.. ret.Refunds.Select(r => new object?[]
            {
                ret.TransactionId, r.RefundNo, EnumText.Of(r.Kind), r.Amount, r.OriginalTenderNo is null ? null : ret.OriginalTransactionId, r.OriginalTenderNo, r.Reference,
            })]);
        if (original is not null)
        {
            foreach (var byTender in ret.Refunds.Where(r => r.OriginalTenderNo is not null).GroupBy(r => r.OriginalTenderNo!.Value))
            {
                var tender = original.Tenders.Single(t => t.TenderNo == byTender.Key);
                SetTender(writes, original.TransactionId, tender.TenderNo, "refunded", tender.Refunded + byTender.Sum(r => r.Amount));
            }
        }

        movements.AddRange(ret.Lines.Where(l => l.Restock)
            .Select(l => new Movement(l.Sku, l.Location ?? e.StoreId, MovementKind.ReturnRestock, l.Quantity, 0, null, l.Reason, ret.TransactionId)));
    }

    private static void WriteTenderChange(StatementList writes, PosEvent e, string transactionId, int tenderNo, string kind, decimal amount, string? reason, SaleFacts original)
    {
        writes.InsertRows("payment_adjustments", "event_id, transaction_id, tender_no, kind, amount, reason",
            [[e.EventId, transactionId, tenderNo, kind, amount, reason]]);
        var tender = original.Tenders.Single(t => t.TenderNo == tenderNo);
        var (column, value) = kind == "capture" ? ("captured", tender.Captured + amount) : ("refunded", tender.Refunded + amount);
        SetTender(writes, transactionId, tenderNo, column, value);
    }

    private static void SetTender(StatementList writes, string transactionId, int tenderNo, string column, decimal value) =>
        writes.Add($"UPDATE tenders SET {column} = @value WHERE transaction_id = @id AND tender_no = @no",
            P("@value", value), P("@id", transactionId), P("@no", tenderNo));

    private static void WriteMovements(StatementList writes, string eventId, List<Movement> movements)
    {
        writes.InsertRows("inventory_movements", "event_id, movement_no, sku, location, kind, on_hand_delta, reserved_delta, unit_cost, reason, reference",
            [.. movements.Select((m, i) => new object?[] { eventId, i + 1, m.Sku, m.Location, EnumText.Of(m.Kind), m.OnHandDelta, m.ReservedDelta, m.UnitCost, m.Reason, m.Reference })]);
        // One row per key, in key order: PostgreSQL refuses two updates of one row in a statement, and a fixed order keeps concurrent writers from deadlocking.
        writes.InsertRows("stock", "sku, location, on_hand, reserved",
            [.. movements.GroupBy(m => (m.Sku, m.Location))
                .OrderBy(g => g.Key.Sku, StringComparer.Ordinal).ThenBy(g => g.Key.Location, StringComparer.Ordinal)
                .Select(g => new object?[] { g.Key.Sku, g.Key.Location, g.Sum(m => m.OnHandDelta), g.Sum(m => m.ReservedDelta) })],
            StockUpsertSuffix);
    }

    private sealed record Movement(string Sku, string Location, MovementKind Kind, int OnHandDelta, int ReservedDelta, decimal? UnitCost, string? Reason, string? Reference)
    {
        public static Movement Of(InventoryMoved m, string storeId)
        {
            var (onHand, reserved) = m.Kind switch
            {
                MovementKind.Receipt or MovementKind.TransferIn or MovementKind.CountAdjustment => (m.Quantity, 0),
                MovementKind.TransferOut => (-m.Quantity, 0),
                MovementKind.Reservation => (0, m.Quantity),
                MovementKind.ReservationRelease => (0, -m.Quantity),
                _ => throw new ArgumentOutOfRangeException(nameof(m), m.Kind, "derived movements are not posted"),
            };
            return new Movement(m.Sku, m.Location ?? storeId, m.Kind, onHand, reserved, m.UnitCost, m.Reason, m.Reference);
        }
    }
}
