using OmniPos.Core.Devices;
using OmniPos.Core.Events;
using OmniPos.Core.Inventory;
using OmniPos.Core.Money;
using OmniPos.Core.Payments;
using OmniPos.Core.Pricing;
using OmniPos.Core.Returns;
using OmniPos.Core.Sales;

namespace OmniPos.Core.Validation;

/// <summary>Rules an event must meet on its own, before anything is looked up: presence, signs, precision and balance.</summary>
internal static class StructureRules
{
    public static void Check(PosEvent e, Problems problems)
    {
        problems.Identifier("eventId", e.EventId);
        problems.Identifier("storeId", e.StoreId);
        problems.Identifier("deviceId", e.DeviceId);
        switch (e.Body)
        {
            case SaleRecorded sale:
                CheckSale(sale, problems);
                problems.OptionalIdentifier("body.customerCountry", sale.CustomerCountry);
                break;
            case ReturnRecorded ret:
                CheckReturn(ret, problems);
                problems.OptionalIdentifier("body.customerCountry", ret.CustomerCountry);
                break;
            case PaymentCaptured capture:
                problems.Identifier("body.transactionId", capture.TransactionId);
                problems.Positive("body.amount", capture.Amount);
                break;
            case PaymentRefunded refund:
                problems.Identifier("body.transactionId", refund.TransactionId);
                problems.Positive("body.amount", refund.Amount);
                problems.Text("body.reason", refund.Reason);
                break;
            case DeviceEventRecorded device:
                CheckDeviceEvent(device, problems);
                break;
            case InventoryMoved movement:
                CheckMovement(movement, problems);
                break;
            case PriceChanged price:
                problems.Identifier("body.sku", price.Sku);
                problems.NotNegative("body.unitPrice", price.UnitPrice);
                break;
        }
    }

    private static void CheckSale(SaleRecorded sale, Problems problems)
    {
        CheckReceipt("sale", sale.TransactionId, sale.Currency, sale.Lines, l => l.LineNo, problems);
        for (var i = 0; i < sale.Lines.Count; i++)
        {
            CheckSaleLine(sale.Lines[i], $"body.lines[{i}]", sale.Currency, problems);
        }

        problems.UniqueNumbers("body.tenders", sale.Tenders, t => t.TenderNo, "tenderNo");
        for (var i = 0; i < sale.Tenders.Count; i++)
        {
            CheckTender(sale.Tenders[i], $"body.tenders[{i}]", sale.Currency, problems);
        }

        problems.Amount("body.changeGiven", sale.ChangeGiven, sale.Currency, allowZero: true);
        var cashTendered = sale.Tenders.Where(t => t.Kind == TenderKind.Cash).Sum(t => t.Amount);
        if (sale.ChangeGiven > cashTendered)
        {
            problems.Add("body.changeGiven", Rules.NotAllowed, $"change {sale.ChangeGiven} exceeds the cash tendered ({cashTendered})");
        }

        if (problems.Any)
        {
            return; // Balance is only meaningful over well-formed amounts.
        }

        var charged = sale.Total;
        var paid = sale.Tenders.Sum(t => t.Amount) - sale.ChangeGiven;
        if (charged != paid)
        {
            problems.Add("body.tenders", Rules.Balance,
                $"lines − discounts + tax = {Currency.Format(charged, sale.Currency)} {sale.Currency} but tenders − change = {Currency.Format(paid, sale.Currency)} {sale.Currency}");
        }
    }

    private static void CheckSaleLine(SaleLine line, string path, string currency, Problems problems)
    {
        problems.Identifier($"{path}.sku", line.Sku);
        problems.Positive($"{path}.quantity", line.Quantity);
        problems.Amount($"{path}.unitPrice", line.UnitPrice, currency, allowZero: true);
        var discounts = line.Discounts ?? [];
        for (var d = 0; d < discounts.Count; d++)
        {
            problems.Amount($"{path}.discounts[{d}].amount", discounts[d].Amount, currency, allowZero: false);
        }

        if (line.DiscountTotal > line.ExtendedPrice && line.Quantity > 0)
        {
            problems.Add($"{path}.discounts", Rules.NotAllowed,
                $"discounts ({line.DiscountTotal}) exceed the line's extended price ({line.ExtendedPrice})");
        }

        var taxes = line.Taxes ?? [];
        for (var t = 0; t < taxes.Count; t++)
        {
            problems.Identifier($"{path}.taxes[{t}].jurisdiction", taxes[t].Jurisdiction);
            problems.Amount($"{path}.taxes[{t}].amount", taxes[t].Amount, currency, allowZero: true);
        }
    }

    private static void CheckTender(Tender tender, string path, string currency, Problems problems)
    {
        problems.Amount($"{path}.amount", tender.Amount, currency, allowZero: false);
        var needsCard = tender.Kind is TenderKind.CardPresent or TenderKind.CardNotPresent;
        if (tender.Card is null)
        {
            if (needsCard)
            {
                problems.Add($"{path}.card", Rules.Required, "card tenders carry the processor token, brand and last four digits");
            }

            return;
        }

        if (tender.Kind is not (TenderKind.CardPresent or TenderKind.CardNotPresent or TenderKind.Wallet or TenderKind.Bnpl))
        {
            problems.Add($"{path}.card", Rules.NotAllowed, $"a {tender.Kind} tender has no card");
        }

        problems.Identifier($"{path}.card.token", tender.Card.Token);
        problems.Text($"{path}.card.brand", tender.Card.Brand);
        if (tender.Card.LastFour is not { Length: 4 } || !tender.Card.LastFour.All(char.IsAsciiDigit))
        {
            problems.Add($"{path}.card.lastFour", Rules.Malformed, "must be exactly four digits");
        }
    }

    private static void CheckReturn(ReturnRecorded ret, Problems problems)
    {
        CheckReceipt("return", ret.TransactionId, ret.Currency, ret.Lines, l => l.LineNo, problems);
        for (var i = 0; i < ret.Lines.Count; i++)
        {
            var line = ret.Lines[i];
            problems.Identifier($"body.lines[{i}].sku", line.Sku);
            problems.Positive($"body.lines[{i}].quantity", line.Quantity);
            problems.Amount($"body.lines[{i}].refundAmount", line.RefundAmount, ret.Currency, allowZero: true);
            problems.Text($"body.lines[{i}].reason", line.Reason);
        }

        problems.UniqueNumbers("body.refunds", ret.Refunds, r => r.RefundNo, "refundNo");
        for (var i = 0; i < ret.Refunds.Count; i++)
        {
            CheckRefund(ret, ret.Refunds[i], $"body.refunds[{i}]", problems);
        }

        if (problems.Any)
        {
            return;
        }

        var owed = ret.Lines.Sum(l => l.RefundAmount);
        var refunded = ret.Refunds.Sum(r => r.Amount);
        if (owed != refunded)
        {
            problems.Add("body.refunds", Rules.Balance,
                $"lines are refunded {Currency.Format(owed, ret.Currency)} {ret.Currency} but refunds total {Currency.Format(refunded, ret.Currency)} {ret.Currency}");
        }
    }

    private static void CheckRefund(ReturnRecorded ret, Refund refund, string path, Problems problems)
    {
        problems.Amount($"{path}.amount", refund.Amount, ret.Currency, allowZero: false);
        if (refund.OriginalTenderNo is not null && ret.OriginalTransactionId is null)
        {
            problems.Add($"{path}.originalTenderNo", Rules.NotAllowed, "a return without receipt has no original tender to refund to");
        }
        else if (refund.OriginalTenderNo is null && ret.OriginalTransactionId is not null && refund.Kind != TenderKind.StoreCredit)
        {
            problems.Add($"{path}.originalTenderNo", Rules.Required,
                "a refund with receipt goes to an original tender (name its tenderNo) or to store credit");
        }
    }

    private static void CheckDeviceEvent(DeviceEventRecorded device, Problems problems)
    {
        switch (device.Kind)
        {
            case DeviceEventKind.TillOpen or DeviceEventKind.TillCount or DeviceEventKind.TillDrop
                or DeviceEventKind.TillPaidIn or DeviceEventKind.TillPaidOut or DeviceEventKind.TillClose
                or DeviceEventKind.PriceOverride or DeviceEventKind.ManualDiscount:
                if (device.Amount is null)
                {
                    problems.Add("body.amount", Rules.Required, $"a {device.Kind} event states its amount");
                }
                else
                {
                    problems.NotNegative("body.amount", device.Amount.Value);
                }

                break;
            case DeviceEventKind.SignIn or DeviceEventKind.SignOut:
                problems.Identifier("body.employeeId", device.EmployeeId);
                break;
            case DeviceEventKind.LineVoid or DeviceEventKind.TransactionVoid:
                problems.Identifier("body.transactionId", device.TransactionId);
                if (device.Kind == DeviceEventKind.LineVoid && device.LineNo is null)
                {
                    problems.Add("body.lineNo", Rules.Required, "a line void names the voided line");
                }

                break;
        }
    }

    private static void CheckMovement(InventoryMoved movement, Problems problems)
    {
        problems.Identifier("body.sku", movement.Sku);
        switch (movement.Kind)
        {
            case MovementKind.Sale or MovementKind.ReturnRestock:
                problems.Add("body.kind", Rules.NotAllowed, "sale and return-restock movements come from sale and return events");
                return;
            case MovementKind.CountAdjustment:
                if (movement.Quantity == 0)
                {
                    problems.Add("body.quantity", Rules.Sign, "a count adjustment moves a non-zero quantity");
                }

                problems.Text("body.reason", movement.Reason);
                break;
            default:
                problems.Positive("body.quantity", movement.Quantity);
                break;
        }

        if (movement.Kind == MovementKind.Receipt)
        {
            if (movement.UnitCost is null)
            {
                problems.Add("body.unitCost", Rules.Required, "a receipt states the unit cost of what arrived");
            }
            else
            {
                problems.NotNegative("body.unitCost", movement.UnitCost.Value);
            }
        }
        else if (movement.UnitCost is not null)
        {
            problems.Add("body.unitCost", Rules.NotAllowed, "only receipts carry a unit cost");
        }
    }

    /// <summary>What sales and returns share: a receipt number, a currency, and at least one line, each numbered once.</summary>
    private static void CheckReceipt<TLine>(string kind, string transactionId, string currency, IReadOnlyList<TLine> lines, Func<TLine, int> lineNo, Problems problems)
    {
        problems.Identifier("body.transactionId", transactionId);
        if (!Currency.IsWellFormed(currency))
        {
            problems.Add("body.currency", Rules.Currency, "must be an ISO 4217 code such as USD or EUR");
        }

        if (lines.Count == 0)
        {
            problems.Add("body.lines", Rules.Required, $"a {kind} needs at least one line");
        }

        problems.UniqueNumbers("body.lines", lines, lineNo, "lineNo");
    }
}
