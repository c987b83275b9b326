using OmniPos.Core.Devices;
using OmniPos.Core.Events;
using OmniPos.Core.Inventory;
using OmniPos.Core.Payments;
using OmniPos.Core.Pricing;
using OmniPos.Core.Returns;
using OmniPos.Core.Sales;
using OmniPos.Core.Storage;
using OmniPos.Warehouse.DuckDb;

namespace OmniPos.Warehouse.Lake;

/// <summary>
/// Turns events into fact rows, appended to the staging tables of one landing run (one appender per table, in the column
/// order of Schema/001_star.sql). Rows reach the staging tables only through <see cref="Complete"/>.
/// </summary>
internal sealed class EventFacts : IDisposable
{
    private readonly Catalog _catalog;
    private readonly Dictionary<string, DuckDbAppender> _appenders;

    public EventFacts(DuckDbConnection connection, Catalog catalog)
    {
        _catalog = catalog;
        _appenders = FactTables.FromEvents.ToDictionary(t => t, t => connection.CreateAppender(FactTables.Staging(t)));
    }

    public void Add(StoredEvent stored, PosEvent e)
    {
        var date = _catalog.BusinessDate(e.StoreId, e.OccurredAt);
        switch (e.Body)
        {
            case SaleRecorded sale:
                AddSale(stored.Seq, e, date, sale);
                break;
            case ReturnRecorded ret:
                AddReturn(stored.Seq, e, date, ret);
                break;
            case PaymentCaptured capture:
                Row(FactTables.PaymentAdjustments).Append(stored.Seq).Append(capture.TransactionId).Append(e.StoreId).Append(date)
                    .Append(capture.TenderNo).Append("capture").Append(capture.Amount).AppendNull().EndRow();
                break;
            case PaymentRefunded refund:
                Row(FactTables.PaymentAdjustments).Append(stored.Seq).Append(refund.TransactionId).Append(e.StoreId).Append(date)
                    .Append(refund.TenderNo).Append("refund").Append(refund.Amount).Append(refund.Reason).EndRow();
                break;
            case DeviceEventRecorded device:
                Row(FactTables.DeviceEvents).Append(stored.Seq).Append(e.StoreId).Append(e.DeviceId).Append(date).Append(e.OccurredAt)
                    .Append(EnumText.Of(device.Kind)).Append(device.EmployeeId).Append(device.TransactionId).Append(device.LineNo)
                    .Append(device.Amount).Append(device.Reason).EndRow();
                break;
            case InventoryMoved move:
                var (onHand, reserved) = Changes(move);
                Movement(stored.Seq, e, date, move.Sku, move.Location ?? e.StoreId, EnumText.Of(move.Kind), onHand, reserved, move.UnitCost, move.Reason, move.Reference);
                break;
            case PriceChanged price:
                Row(FactTables.PriceChanges).Append(stored.Seq).Append(e.StoreId).Append(date).Append(e.OccurredAt).Append(price.Sku)
                    .Append(price.UnitPrice).Append(price.PromotionId).Append(price.Reason).EndRow();
                break;
            default:
                throw new InvalidOperationException($"landing does not know events of type {e.Body.Type}");
        }
    }

    /// <summary>Writes every appended row to the staging tables.</summary>
    public void Complete()
    {
        foreach (var appender in _appenders.Values)
        {
            appender.Complete();
        }
    }

    public void Dispose()
    {
        foreach (var appender in _appenders.Values)
        {
            appender.Dispose();
        }
    }

    private void AddSale(long seq, PosEvent e, DateOnly date, SaleRecorded sale)
    {
        var channel = _catalog.Channel(e.DeviceId);
        Transaction(seq, e, date, channel, sale.TransactionId, "sale", sale.Currency, sale.CustomerId, sale.EmployeeId, null, null,
            sale.CustomerCountry, sale.Lines.Count, sale.Lines.Sum(l => l.Quantity), sale.Total, sale.ChangeGiven);
        foreach (var line in sale.Lines)
        {
            var location = line.Location ?? e.StoreId;
            var unitCost = _catalog.UnitCost(line.Sku);
            var discounts = line.Discounts ?? [];
            Row(FactTables.SaleLines).Append(seq).Append(sale.TransactionId).Append(e.StoreId).Append(e.DeviceId).Append(channel).Append(date)
                .Append(e.OccurredAt).Append(line.LineNo).Append(line.Sku).Append(location).Append(line.Quantity).Append(line.UnitPrice)
                .Append(line.ExtendedPrice).Append(line.DiscountTotal).Append(line.TaxTotal).Append(line.ExtendedPrice - line.DiscountTotal)
                .Append(unitCost).Append(line.Quantity * unitCost).Append(EnumText.Of(line.Fulfilment)).Append(sale.CustomerId).Append(sale.EmployeeId)
                .Append(discounts.FirstOrDefault(d => d.PromotionId is not null)?.PromotionId).Append(_catalog.IsGiftCard(line.Sku))
                .Append(sale.CustomerCountry).EndRow();
            for (var i = 0; i < discounts.Count; i++)
            {
                Row(FactTables.LineDiscounts).Append(seq).Append(sale.TransactionId).Append(e.StoreId).Append(date).Append(line.LineNo)
                    .Append(i + 1).Append(line.Sku).Append(discounts[i].PromotionId).Append(discounts[i].Reason).Append(discounts[i].Amount).EndRow();
            }

            foreach (var tax in line.Taxes ?? [])
            {
                Row(FactTables.LineTaxes).Append(seq).Append(sale.TransactionId).Append(e.StoreId).Append(date).Append(line.LineNo)
                    .Append(tax.Jurisdiction).Append(tax.Amount).EndRow();
            }

            Movement(seq, e, date, line.Sku, location, EnumText.Of(MovementKind.Sale), -line.Quantity, 0, null, null, sale.TransactionId);
        }

        // The core gives change from the sale's last cash tender; the till's expected cash counts it there.
        var changeTender = sale.Tenders.LastOrDefault(t => t.Kind == TenderKind.Cash)?.TenderNo;
        foreach (var tender in sale.Tenders)
        {
            Row(FactTables.Tenders).Append(seq).Append(sale.TransactionId).Append(e.StoreId).Append(e.DeviceId).Append(channel).Append(date)
                .Append(tender.TenderNo).Append(EnumText.Of(tender.Kind)).Append(tender.Amount)
                .Append(tender.TenderNo == changeTender ? sale.ChangeGiven : 0m).Append(tender.Card?.Token).Append(tender.Card?.Brand)
                .Append(tender.Card?.LastFour).Append(tender.Card?.AuthCode).Append(tender.Reference).EndRow();
        }
    }

    private void AddReturn(long seq, PosEvent e, DateOnly date, ReturnRecorded ret)
    {
        var channel = _catalog.Channel(e.DeviceId);
        Transaction(seq, e, date, channel, ret.TransactionId, "return", ret.Currency, null, ret.EmployeeId, ret.OriginalTransactionId,
            ret.ExchangeTransactionId, ret.CustomerCountry, ret.Lines.Count, ret.Lines.Sum(l => l.Quantity), ret.Refunds.Sum(r => r.Amount), 0m);
        foreach (var line in ret.Lines)
        {
            var location = line.Location ?? e.StoreId;
            Row(FactTables.ReturnLines).Append(seq).Append(ret.TransactionId).Append(ret.OriginalTransactionId).Append(e.StoreId).Append(e.DeviceId)
                .Append(channel).Append(date).Append(e.OccurredAt).Append(line.LineNo).Append(line.Sku).Append(location).Append(line.Quantity)
                .Append(line.RefundAmount).Append(line.Reason).Append(line.Restock).Append(_catalog.UnitCost(line.Sku)).Append(ret.EmployeeId)
                .Append(ret.CustomerCountry).EndRow();
            if (line.Restock)
            {
                Movement(seq, e, date, line.Sku, location, EnumText.Of(MovementKind.ReturnRestock), line.Quantity, 0, null, null, ret.TransactionId);
            }
        }

        foreach (var refund in ret.Refunds)
        {
            Row(FactTables.Refunds).Append(seq).Append(ret.TransactionId).Append(ret.OriginalTransactionId).Append(e.StoreId)
                .Append(e.DeviceId).Append(date).Append(refund.RefundNo).Append(EnumText.Of(refund.Kind)).Append(refund.Amount)
                .Append(refund.OriginalTenderNo).Append(refund.Reference).EndRow();
        }
    }

    private void Transaction(long seq, PosEvent e, DateOnly date, string channel, string transactionId, string kind, string currency,
        string? customerId, string? employeeId, string? originalId, string? exchangeId, string? country, int lineCount, int units, decimal total,
        decimal changeGiven) =>
        Row(FactTables.Transactions).Append(seq).Append(e.EventId).Append(transactionId).Append(kind).Append(e.StoreId).Append(e.DeviceId)
            .Append(channel).Append(date).Append(e.OccurredAt).Append(currency).Append(customerId).Append(employeeId).Append(originalId)
            .Append(exchangeId).Append(country).Append(lineCount).Append(units).Append(total).Append(changeGiven).EndRow();

    private void Movement(long seq, PosEvent e, DateOnly date, string sku, string location, string kind, int onHand, int reserved,
        decimal? unitCost, string? reason, string? reference)
    {
        Row(FactTables.InventoryMovements).Append(seq).Append(e.StoreId).Append(date).Append(e.OccurredAt).Append(sku)
            .Append(location).Append(kind).Append(onHand).Append(reserved).Append(unitCost).Append(reason).Append(reference).EndRow();
    }

    /// <summary>What a posted movement does to on-hand and reserved units, as the core's ledger applies it.</summary>
    private static (int OnHand, int Reserved) Changes(InventoryMoved move) => move.Kind switch
    {
        MovementKind.Receipt or MovementKind.TransferIn or MovementKind.CountAdjustment => (move.Quantity, 0),
        MovementKind.TransferOut => (-move.Quantity, 0),
        MovementKind.Reservation => (0, move.Quantity),
        MovementKind.ReservationRelease => (0, -move.Quantity),
        _ => throw new InvalidOperationException($"a posted movement is never of kind {move.Kind}"),
    };

    private DuckDbAppender Row(string table) => _appenders[table];
}
