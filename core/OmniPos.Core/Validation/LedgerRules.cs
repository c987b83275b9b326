using OmniPos.Core.Devices;
using OmniPos.Core.Events;
using OmniPos.Core.Inventory;
using OmniPos.Core.Ledger;
using OmniPos.Core.Money;
using OmniPos.Core.Payments;
using OmniPos.Core.Pricing;
using OmniPos.Core.Returns;
using OmniPos.Core.Sales;

namespace OmniPos.Core.Validation;

/// <summary>Rules that need the ledger: references exist, the store's currency, return and refund limits, reservations.</summary>
internal static class LedgerRules
{
    /// <param name="references">What the event names (see <see cref="EventReferences.Of"/>), made when it was prepared.</param>
    public static void Check(PosEvent e, EventReferences references, LedgerFacts facts, Problems problems)
    {
        if (facts.Store is null)
        {
            problems.Add("storeId", Rules.Reference, $"store '{e.StoreId}' does not exist");
            return;
        }

        if (facts.Device is null || facts.Device.StoreId != e.StoreId)
        {
            problems.Add("deviceId", Rules.Reference, $"device '{e.DeviceId}' is not a device of store '{e.StoreId}'");
        }

        var currency = facts.Store.Currency;
        foreach (var sku in references.Skus.Where(s => !facts.KnownSkus.Contains(s)).Order(StringComparer.Ordinal))
        {
            problems.Add(SkuField(e.Body, sku), Rules.Reference, $"product '{sku}' does not exist");
        }

        switch (e.Body)
        {
            case SaleRecorded sale:
                CheckSale(sale, facts, currency, problems);
                break;
            case ReturnRecorded ret:
                CheckReturn(ret, facts, currency, problems);
                break;
            case PaymentCaptured capture:
                CheckCapture(capture, facts, currency, problems);
                break;
            case PaymentRefunded refund:
                CheckRefund(refund, facts, currency, problems);
                break;
            case DeviceEventRecorded device:
                CheckEmployee(device.EmployeeId, facts, problems);
                if (device.Amount is { } amount)
                {
                    problems.Exact("body.amount", amount, currency);
                }

                break;
            case InventoryMoved movement:
                CheckMovement(movement, e.StoreId, facts, currency, problems);
                break;
            case PriceChanged price:
                problems.Exact("body.unitPrice", price.UnitPrice, currency);
                if (price.PromotionId is { } promotion && !facts.KnownPromotions.Contains(promotion))
                {
                    problems.Add("body.promotionId", Rules.Reference, $"promotion '{promotion}' does not exist");
                }

                break;
        }
    }

    private static void CheckSale(SaleRecorded sale, LedgerFacts facts, string currency, Problems problems)
    {
        CheckCurrencyIsStores(sale.Currency, currency, problems);
        CheckNewTransaction(sale.TransactionId, facts, problems);
        CheckEmployee(sale.EmployeeId, facts, problems);
        if (sale.CustomerId is not null && !facts.CustomerKnown)
        {
            problems.Add("body.customerId", Rules.Reference, $"customer '{sale.CustomerId}' does not exist");
        }

        for (var i = 0; i < sale.Lines.Count; i++)
        {
            var discounts = sale.Lines[i].Discounts ?? [];
            for (var d = 0; d < discounts.Count; d++)
            {
                if (discounts[d].PromotionId is { } promotion && !facts.KnownPromotions.Contains(promotion))
                {
                    problems.Add($"body.lines[{i}].discounts[{d}].promotionId", Rules.Reference, $"promotion '{promotion}' does not exist");
                }
            }
        }
    }

    private static void CheckReturn(ReturnRecorded ret, LedgerFacts facts, string currency, Problems problems)
    {
        CheckCurrencyIsStores(ret.Currency, currency, problems);
        CheckNewTransaction(ret.TransactionId, facts, problems);
        if (facts.AwaitedRefunds is not null)
        {
            problems.Add("body.transactionId", Rules.TransactionExists, $"'{ret.TransactionId}' is the receipt number of a sale that earlier returns name");
        }

        CheckEmployee(ret.EmployeeId, facts, problems);
        if (facts.OriginalKind == "return")
        {
            problems.Add("body.originalTransactionId", Rules.Reference, $"'{ret.OriginalTransactionId}' is a return, not a sale");
        }

        // A sale not recorded yet (a register's offline queue, another store's) is awaited: the return is kept, and what it
        // takes back counts against the sale once it arrives.
        if (ret.OriginalTransactionId is null || facts.Original is not { } original)
        {
            return;
        }

        if (original.Currency != ret.Currency)
        {
            problems.Add("body.currency", Rules.Currency, $"the original sale was in {original.Currency}");
        }

        var returningNow = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ret.Lines.Count; i++)
        {
            var line = ret.Lines[i];
            var sold = original.SoldBySku.GetValueOrDefault(line.Sku);
            if (sold == 0)
            {
                problems.Add($"body.lines[{i}].sku", Rules.Reference, $"'{line.Sku}' was not sold on '{original.TransactionId}'");
                continue;
            }

            var before = original.ReturnedBySku.GetValueOrDefault(line.Sku) + returningNow.GetValueOrDefault(line.Sku);
            returningNow[line.Sku] = returningNow.GetValueOrDefault(line.Sku) + line.Quantity;
            if (before + line.Quantity > sold)
            {
                problems.Add($"body.lines[{i}].quantity", Rules.ReturnExceedsSold,
                    $"returning {line.Quantity} of '{line.Sku}' but only {sold - before} of the {sold} sold on '{original.TransactionId}' remain returnable");
            }
        }

        for (var i = 0; i < ret.Refunds.Count; i++)
        {
            if (ret.Refunds[i].OriginalTenderNo is { } tenderNo)
            {
                var earlierInThisReturn = ret.Refunds.Take(i).Where(r => r.OriginalTenderNo == tenderNo).Sum(r => r.Amount);
                CheckTenderRefund($"body.refunds[{i}]", original, tenderNo, ret.Refunds[i].Kind, ret.Refunds[i].Amount + earlierInThisReturn, problems);
            }
        }
    }

    private static void CheckCapture(PaymentCaptured capture, LedgerFacts facts, string currency, Problems problems)
    {
        problems.Exact("body.amount", capture.Amount, currency);
        if (FindTender(facts, capture.TransactionId, capture.TenderNo, problems) is { } tender
            && tender.Captured + capture.Amount > tender.Amount)
        {
            problems.Add("body.amount", Rules.CaptureExceedsTender,
                $"capturing {Money(capture.Amount, currency)} but tender {tender.TenderNo} has {Money(tender.Amount - tender.Captured, currency)} left to capture");
        }
    }

    private static void CheckRefund(PaymentRefunded refund, LedgerFacts facts, string currency, Problems problems)
    {
        problems.Exact("body.amount", refund.Amount, currency);
        if (FindTender(facts, refund.TransactionId, refund.TenderNo, problems) is not null && facts.Original is { } original)
        {
            var tender = original.Tenders.Single(t => t.TenderNo == refund.TenderNo);
            CheckTenderRefund("body", original, refund.TenderNo, tender.Kind, refund.Amount, problems);
        }
    }

    private static TenderPosition? FindTender(LedgerFacts facts, string transactionId, int tenderNo, Problems problems)
    {
        if (facts.Original is not { } original)
        {
            problems.Add("body.transactionId", Rules.Reference, $"sale '{transactionId}' does not exist");
            return null;
        }

        var tender = original.Tenders.SingleOrDefault(t => t.TenderNo == tenderNo);
        if (tender is null)
        {
            problems.Add("body.tenderNo", Rules.Reference, $"sale '{transactionId}' has no tender {tenderNo}");
        }

        return tender;
    }

    private static void CheckTenderRefund(string path, SaleFacts original, int tenderNo, TenderKind kind, decimal amount, Problems problems)
    {
        var tender = original.Tenders.SingleOrDefault(t => t.TenderNo == tenderNo);
        if (tender is null)
        {
            problems.Add($"{path}.originalTenderNo", Rules.Reference, $"sale '{original.TransactionId}' has no tender {tenderNo}");
        }
        else if (tender.Kind != kind)
        {
            problems.Add($"{path}.kind", Rules.NotAllowed, $"tender {tenderNo} was paid by {tender.Kind}, not {kind}");
        }
        else if (amount > tender.Refundable)
        {
            problems.Add($"{path}.amount", Rules.RefundExceedsPaid,
                $"refunding {Money(amount, original.Currency)} to tender {tenderNo}, which paid {Money(tender.Paid, original.Currency)} and has {Money(tender.Refundable, original.Currency)} left to refund");
        }
    }

    private static void CheckMovement(InventoryMoved movement, string storeId, LedgerFacts facts, string currency, Problems problems)
    {
        if (movement.UnitCost is { } cost)
        {
            problems.Exact("body.unitCost", cost, currency);
        }

        if (movement.Kind != MovementKind.ReservationRelease)
        {
            return;
        }

        var key = new StockKey(movement.Sku, movement.Location ?? storeId);
        var reserved = facts.Stock.GetValueOrDefault(key)?.Reserved ?? 0;
        if (movement.Quantity > reserved)
        {
            problems.Add("body.quantity", Rules.ReleaseExceedsReserved,
                $"releasing {movement.Quantity} of '{key.Sku}' at '{key.Location}' but only {reserved} are reserved");
        }
    }

    private static void CheckCurrencyIsStores(string given, string storeCurrency, Problems problems)
    {
        if (given != storeCurrency)
        {
            problems.Add("body.currency", Rules.Currency, $"the store records amounts in {storeCurrency}, not {given}");
        }
    }

    private static void CheckNewTransaction(string transactionId, LedgerFacts facts, Problems problems)
    {
        if (facts.TransactionIdTaken)
        {
            problems.Add("body.transactionId", Rules.TransactionExists, $"transaction '{transactionId}' is already recorded by another event");
        }
    }

    private static void CheckEmployee(string? employeeId, LedgerFacts facts, Problems problems)
    {
        if (employeeId is not null && !facts.EmployeeKnown)
        {
            problems.Add("body.employeeId", Rules.Reference, $"employee '{employeeId}' does not exist");
        }
    }

    private static string Money(decimal amount, string currency) => $"{Currency.Format(amount, currency)} {currency}";

    private static string SkuField(EventBody body, string sku) => body switch
    {
        SaleRecorded s => $"body.lines[{IndexOf(s.Lines.Select(l => l.Sku), sku)}].sku",
        ReturnRecorded r => $"body.lines[{IndexOf(r.Lines.Select(l => l.Sku), sku)}].sku",
        _ => "body.sku",
    };

    private static int IndexOf(IEnumerable<string> skus, string sku) => skus.ToList().IndexOf(sku);
}
