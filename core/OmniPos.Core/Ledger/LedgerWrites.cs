using OmniPos.Core.Devices;
using OmniPos.Core.Events;
using OmniPos.Core.Inventory;
using OmniPos.Core.Payments;
using OmniPos.Core.Pricing;
using OmniPos.Core.Returns;
using OmniPos.Core.Sales;
using OmniPos.Core.Storage;
using static OmniPos.Core.Storage.Sql;

namespace OmniPos.Core.Ledger;

/// <summary>
/// The rows that valid events imply, collected for several events and written together: one insert per table, every
/// row keyed by its event's seq, with stock deltas summed per (sku, location). Running balances (refunded, captured)
/// are written as values computed here from the locked facts, never summed in SQL, so amounts stay exact on both
/// engines. The events collected must not depend on one another (see <see cref="Segments"/>).
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
    private readonly TableRows _priceChanges = new(LedgerTables.PriceChanges);
    private readonly Dictionary<StockKey, (int OnHand, int Reserved)> _stock = [];
    private readonly List<SqlStatement> _tenderUpdates = [];
    private readonly List<SqlStatement> _placeholderRemovals = [];

    public void Add(PreparedEvent prepared, long seq, LedgerFacts facts)
    {
        var e = prepared.Event;
        _events.Add(seq, e.EventId, e.Body.Type, e.StoreId, e.DeviceId, e.OccurredAt.UtcDateTime, (int)e.OccurredAt.Offset.TotalMinutes,
            receivedAt.UtcDateTime, prepared.Hash, prepared.Json);
        switch (e.Body)
        {
            case SaleRecorded sale:
                AddSale(e, seq, sale, facts.AwaitedRefunds);
                break;
            case ReturnRecorded ret:
                AddReturn(e, seq, ret, facts);
                break;
            case PaymentCaptured capture:
                AddTenderChange(seq, capture.TransactionId, capture.TenderNo, "capture", capture.Amount, null, facts.Original!);
                break;
            case PaymentRefunded refund:
                AddTenderChange(seq, refund.TransactionId, refund.TenderNo, "refund", refund.Amount, refund.Reason, facts.Original!);
                break;
            case DeviceEventRecorded device:
                _deviceEvents.Add(seq, e.StoreId, e.DeviceId, EnumText.Of(device.Kind), device.EmployeeId, device.TransactionId,
                    device.LineNo, device.Amount, device.Reason);
                break;
            case InventoryMoved moved:
                AddMovement(seq, moved, e.StoreId);
                break;
            case PriceChanged price:
                _priceChanges.Add(seq, e.StoreId, price.Sku, price.UnitPrice, price.PromotionId, price.Reason);
                break;
        }
    }

    /// <summary>
    /// True when the writes change rows already recorded, which <see cref="Tables"/> leaves out: tenders that returns and
    /// payment events refund or capture, and the placeholder of an awaited sale (see <see cref="LedgerTables.AwaitedSale"/>).
    /// </summary>
    public bool ChangesRecordedRows => _tenderUpdates.Count > 0 || _placeholderRemovals.Count > 0;

    /// <summary>Adds everything collected to the batch.</summary>
    public void AddTo(SqlBatch batch, SqlDialect dialect)
    {
        _placeholderRemovals.ForEach(batch.Add);
        foreach (var rows in Tables())
        {
            dialect.AddInsert(batch, rows);
        }

        _tenderUpdates.ForEach(batch.Add);
    }

    /// <summary>The rows to insert, per table, the events first; tables without rows are left out.</summary>
    public IReadOnlyList<TableRows> Tables()
    {
        var stock = new TableRows(LedgerTables.Stock);
        // One row per key, in key order: PostgreSQL refuses two updates of one row in a statement, and a fixed order keeps concurrent writers from deadlocking.
        foreach (var (key, delta) in _stock.OrderBy(s => s.Key.Sku, StringComparer.Ordinal).ThenBy(s => s.Key.Location, StringComparer.Ordinal))
        {
            stock.Add(key.Sku, key.Location, delta.OnHand, delta.Reserved);
        }

        return [.. new[] { _events, _transactions, _saleLines, _tenders, _returnLines, _refunds, _paymentAdjustments, _deviceEvents, _movements, _priceChanges, stock }
            .Where(r => r.Rows.Count > 0)];
    }

    /// <param name="awaitedRefunds">What returns recorded ahead of the sale refunded to its tenders, by tender number; null when none awaited it.</param>
    private void AddSale(PosEvent e, long seq, SaleRecorded sale, IReadOnlyDictionary<int, decimal>? awaitedRefunds)
    {
        if (awaitedRefunds is not null)
        {
            _placeholderRemovals.Add(new SqlStatement($"DELETE FROM transactions WHERE transaction_id = @id AND kind = '{LedgerTables.AwaitedSale}'",
                [P("@id", sale.TransactionId)]));
        }

        _transactions.Add(sale.TransactionId, seq, "sale", e.StoreId, null, sale.Currency, sale.Total);
        foreach (var l in sale.Lines)
        {
            var location = l.Location ?? e.StoreId;
            _saleLines.Add(seq, l.LineNo, l.Sku, l.Quantity, l.UnitPrice, l.DiscountTotal, l.TaxTotal, EnumText.Of(l.Fulfilment), location);
            MoveStock(l.Sku, location, -l.Quantity, 0);
        }

        var changeTender = sale.Tenders.LastOrDefault(t => t.Kind == TenderKind.Cash)?.TenderNo;
        foreach (var t in sale.Tenders)
        {
            _tenders.Add(seq, t.TenderNo, EnumText.Of(t.Kind), t.Amount,
                t.TenderNo == changeTender ? t.Amount - sale.ChangeGiven : t.Amount,
                awaitedRefunds?.GetValueOrDefault(t.TenderNo) ?? 0m,
                t.Kind == TenderKind.CardNotPresent ? 0m : t.Amount, // card-not-present is authorized now and captured later
                t.Card?.Token, t.Card?.Brand, t.Card?.LastFour, t.Card?.AuthCode, t.Reference);
        }
    }

    private void AddReturn(PosEvent e, long seq, ReturnRecorded ret, LedgerFacts facts)
    {
        _transactions.Add(ret.TransactionId, seq, "return", e.StoreId, ret.OriginalTransactionId, ret.Currency, ret.Refunds.Sum(r => r.Amount));
        if (ret.OriginalTransactionId is { } awaited && facts.OriginalKind is null)
        {
            _transactions.Add(awaited, seq, LedgerTables.AwaitedSale, e.StoreId, null, ret.Currency, 0m);
        }

        foreach (var l in ret.Lines)
        {
            var location = l.Location ?? e.StoreId;
            _returnLines.Add(seq, l.LineNo, ret.OriginalTransactionId, l.Sku, l.Quantity, l.RefundAmount, l.Reason, l.Restock, location);
            if (l.Restock)
            {
                MoveStock(l.Sku, location, l.Quantity, 0);
            }
        }

        foreach (var r in ret.Refunds)
        {
            _refunds.Add(seq, r.RefundNo, EnumText.Of(r.Kind), r.Amount, r.OriginalTenderNo is null ? null : ret.OriginalTransactionId, r.OriginalTenderNo, r.Reference);
        }

        if (facts.Original is { } original)
        {
            foreach (var byTender in ret.Refunds.Where(r => r.OriginalTenderNo is not null).GroupBy(r => r.OriginalTenderNo!.Value))
            {
                var tender = original.Tenders.Single(t => t.TenderNo == byTender.Key);
                SetTender(original.Seq, tender.TenderNo, "refunded", tender.Refunded + byTender.Sum(r => r.Amount));
            }
        }
    }

    private void AddTenderChange(long seq, string transactionId, int tenderNo, string kind, decimal amount, string? reason, SaleFacts original)
    {
        _paymentAdjustments.Add(seq, transactionId, tenderNo, kind, amount, reason);
        var tender = original.Tenders.Single(t => t.TenderNo == tenderNo);
        var (column, value) = kind == "capture" ? ("captured", tender.Captured + amount) : ("refunded", tender.Refunded + amount);
        SetTender(original.Seq, tenderNo, column, value);
    }

    private void SetTender(long saleSeq, int tenderNo, string column, decimal value) =>
        _tenderUpdates.Add(new SqlStatement($"UPDATE tenders SET {column} = @value WHERE seq = @seq AND tender_no = @no",
            [P("@value", value), P("@seq", saleSeq), P("@no", tenderNo)]));

    private void AddMovement(long seq, InventoryMoved m, string storeId)
    {
        var (onHand, reserved) = m.Kind switch
        {
            MovementKind.Receipt or MovementKind.TransferIn or MovementKind.CountAdjustment => (m.Quantity, 0),
            MovementKind.TransferOut => (-m.Quantity, 0),
            MovementKind.Reservation => (0, m.Quantity),
            MovementKind.ReservationRelease => (0, -m.Quantity),
            _ => throw new ArgumentOutOfRangeException(nameof(m), m.Kind, "sale and return movements are their lines, not posted"),
        };
        var location = m.Location ?? storeId;
        _movements.Add(seq, m.Sku, location, EnumText.Of(m.Kind), onHand, reserved, m.UnitCost, m.Reason, m.Reference);
        MoveStock(m.Sku, location, onHand, reserved);
    }

    private void MoveStock(string sku, string location, int onHand, int reserved)
    {
        var key = new StockKey(sku, location);
        var (sumOnHand, sumReserved) = _stock.GetValueOrDefault(key);
        _stock[key] = (sumOnHand + onHand, sumReserved + reserved);
    }
}
