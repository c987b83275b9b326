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
/// The rows that valid events imply, collected for several events and written together: one insert per table, with
/// stock deltas summed per (sku, location). Running balances (refunded, captured) are written as values computed here
/// from the locked facts, never summed in SQL, so amounts stay exact on both engines. The events collected must not
/// depend on one another (see <see cref="Segments"/>).
/// </summary>
internal sealed class LedgerWrites(DateTimeOffset receivedAt)
{
    private readonly TableRows _events = new(LedgerTables.Events);
    private readonly TableRows _transactions = new(LedgerTables.Transactions);
    private readonly TableRows _saleLines = new(LedgerTables.SaleLines);
    private readonly TableRows _tenders = new(LedgerTables.Tenders);
    private readonly TableRows _returnLines = new(LedgerTables.ReturnLines);
    private readonly TableRows _refunds = new(LedgerTables.Refunds);
    private readonly TableRows _paymentAdjustments = new(LedgerTables.PaymentAdjustments);
    private readonly TableRows _deviceEvents = new(LedgerTables.DeviceEvents);
    private readonly TableRows _movements = new(LedgerTables.InventoryMovements);
    private readonly Dictionary<StockKey, (int OnHand, int Reserved)> _stock = [];
    private readonly List<SqlStatement> _tenderUpdates = [];

    public void Add(PreparedEvent prepared, SaleFacts? original)
    {
        var e = prepared.Event;
        _events.Add(e.EventId, e.Body.Type, e.StoreId, e.DeviceId, e.OccurredAt.UtcDateTime, (int)e.OccurredAt.Offset.TotalMinutes,
            receivedAt.UtcDateTime, prepared.Hash, prepared.Json);
        var movements = new List<Movement>();
        switch (e.Body)
        {
            case SaleRecorded sale:
                AddSale(e, sale, movements);
                break;
            case ReturnRecorded ret:
                AddReturn(e, ret, original, movements);
                break;
            case PaymentCaptured capture:
                AddTenderChange(e, capture.TransactionId, capture.TenderNo, "capture", capture.Amount, null, original!);
                break;
            case PaymentRefunded refund:
                AddTenderChange(e, refund.TransactionId, refund.TenderNo, "refund", refund.Amount, refund.Reason, original!);
                break;
            case DeviceEventRecorded device:
                _deviceEvents.Add(e.EventId, e.StoreId, e.DeviceId, EnumText.Of(device.Kind), device.EmployeeId, device.TransactionId,
                    device.LineNo, device.Amount, device.Reason);
                break;
            case InventoryMoved moved:
                movements.Add(Movement.Of(moved, e.StoreId));
                break;
        }

        AddMovements(e.EventId, movements);
    }

    /// <summary>Writes everything collected; answers the seq of each event inserted, by event id.</summary>
    public async Task<IReadOnlyDictionary<string, long>> WriteAsync(LedgerSession session, SqlDialect dialect, CancellationToken ct)
    {
        var seqs = new Dictionary<string, long>(StringComparer.Ordinal);
        var batch = new SqlBatch();
        foreach (var statement in dialect.Insert(_events))
        {
            batch.Query(statement, row => seqs[row.GetString(0)] = row.GetInt64(1));
        }

        var stock = new TableRows(LedgerTables.Stock);
        // One row per key, in key order: PostgreSQL refuses two updates of one row in a statement, and a fixed order keeps concurrent writers from deadlocking.
        foreach (var (key, delta) in _stock.OrderBy(s => s.Key.Sku, StringComparer.Ordinal).ThenBy(s => s.Key.Location, StringComparer.Ordinal))
        {
            stock.Add(key.Sku, key.Location, delta.OnHand, delta.Reserved);
        }

        foreach (var rows in new[] { _transactions, _saleLines, _tenders, _returnLines, _refunds, _paymentAdjustments, _deviceEvents, _movements, stock }
            .Where(r => r.Rows.Count > 0))
        {
            foreach (var statement in dialect.Insert(rows))
            {
                batch.Execute(statement);
            }
        }

        _tenderUpdates.ForEach(batch.Execute);
        await batch.ExecuteAsync(session, ct);
        return seqs;
    }

    private void AddSale(PosEvent e, SaleRecorded sale, List<Movement> movements)
    {
        _transactions.Add(sale.TransactionId, "sale", e.EventId, e.StoreId, null, sale.Currency, sale.Total);
        foreach (var l in sale.Lines)
        {
            _saleLines.Add(sale.TransactionId, l.LineNo, l.Sku, l.Quantity, l.UnitPrice, l.DiscountTotal, l.TaxTotal, EnumText.Of(l.Fulfilment), l.Location ?? e.StoreId);
            movements.Add(new Movement(l.Sku, l.Location ?? e.StoreId, MovementKind.Sale, -l.Quantity, 0, null, null, sale.TransactionId));
        }

        var changeTender = sale.Tenders.LastOrDefault(t => t.Kind == TenderKind.Cash)?.TenderNo;
        foreach (var t in sale.Tenders)
        {
            _tenders.Add(sale.TransactionId, t.TenderNo, EnumText.Of(t.Kind), t.Amount,
                t.TenderNo == changeTender ? t.Amount - sale.ChangeGiven : t.Amount,
                0m,
                t.Kind == TenderKind.CardNotPresent ? 0m : t.Amount, // card-not-present is authorized now and captured later
                t.Card?.Token, t.Card?.Brand, t.Card?.LastFour, t.Card?.AuthCode, t.Reference);
        }
    }

    private void AddReturn(PosEvent e, ReturnRecorded ret, SaleFacts? original, List<Movement> movements)
    {
        _transactions.Add(ret.TransactionId, "return", e.EventId, e.StoreId, ret.OriginalTransactionId, ret.Currency, ret.Refunds.Sum(r => r.Amount));
        foreach (var l in ret.Lines)
        {
            _returnLines.Add(ret.TransactionId, l.LineNo, ret.OriginalTransactionId, l.Sku, l.Quantity, l.RefundAmount, l.Reason, l.Restock, l.Location ?? e.StoreId);
        }

        foreach (var r in ret.Refunds)
        {
            _refunds.Add(ret.TransactionId, r.RefundNo, EnumText.Of(r.Kind), r.Amount, r.OriginalTenderNo is null ? null : ret.OriginalTransactionId, r.OriginalTenderNo, r.Reference);
        }

        if (original is not null)
        {
            foreach (var byTender in ret.Refunds.Where(r => r.OriginalTenderNo is not null).GroupBy(r => r.OriginalTenderNo!.Value))
            {
                var tender = original.Tenders.Single(t => t.TenderNo == byTender.Key);
                SetTender(original.TransactionId, tender.TenderNo, "refunded", tender.Refunded + byTender.Sum(r => r.Amount));
            }
        }

        movements.AddRange(ret.Lines.Where(l => l.Restock)
            .Select(l => new Movement(l.Sku, l.Location ?? e.StoreId, MovementKind.ReturnRestock, l.Quantity, 0, null, l.Reason, ret.TransactionId)));
    }

    private void AddTenderChange(PosEvent e, string transactionId, int tenderNo, string kind, decimal amount, string? reason, SaleFacts original)
    {
        _paymentAdjustments.Add(e.EventId, transactionId, tenderNo, kind, amount, reason);
        var tender = original.Tenders.Single(t => t.TenderNo == tenderNo);
        var (column, value) = kind == "capture" ? ("captured", tender.Captured + amount) : ("refunded", tender.Refunded + amount);
        SetTender(transactionId, tenderNo, column, value);
    }

    private void SetTender(string transactionId, int tenderNo, string column, decimal value) =>
        _tenderUpdates.Add(new SqlStatement($"UPDATE tenders SET {column} = @value WHERE transaction_id = @id AND tender_no = @no",
            [P("@value", value), P("@id", transactionId), P("@no", tenderNo)]));

    private void AddMovements(string eventId, List<Movement> movements)
    {
        for (var i = 0; i < movements.Count; i++)
        {
            var m = movements[i];
            _movements.Add(eventId, i + 1, m.Sku, m.Location, EnumText.Of(m.Kind), m.OnHandDelta, m.ReservedDelta, m.UnitCost, m.Reason, m.Reference);
            var key = new StockKey(m.Sku, m.Location);
            var (onHand, reserved) = _stock.GetValueOrDefault(key);
            _stock[key] = (onHand + m.OnHandDelta, reserved + m.ReservedDelta);
        }
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
