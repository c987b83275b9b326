using OmniPos.Core.Devices;
using OmniPos.Core.Inventory;
using OmniPos.Core.Payments;
using OmniPos.Core.Pricing;
using OmniPos.Core.Returns;
using OmniPos.Core.Sales;
using OmniPos.Core.Tests.Support;
using static OmniPos.Core.Tests.Support.TestEvents;

namespace OmniPos.Core.Tests.Storage;

/// <summary>Every validation rule of the ledger, each broken once on an otherwise valid event.</summary>
internal static class RuleCases
{
    private static readonly SaleLine TenDollars = new(1, "SKU-1", 1, 10.00m);

    public static IReadOnlyDictionary<string, RuleCase> All { get; } = new Dictionary<string, RuleCase>
    {
        ["unbalanced sale"] = Alone(SaleOf([TenDollars], Card(9.99m)), "body.tenders", "balance", "= 10.00 USD but tenders − change = 9.99 USD"),
        ["sub-cent price"] = Alone(SaleOf([TenDollars with { UnitPrice = 10.001m }], Card(10.00m)), "body.lines[0].unitPrice", "precision", "2 decimals USD"),
        ["zero quantity"] = Alone(SaleOf([TenDollars with { Quantity = 0 }], Card(10.00m)), "body.lines[0].quantity", "sign", "greater than zero"),
        ["negative price"] = Alone(SaleOf([TenDollars with { UnitPrice = -10.00m }], Card(10.00m)), "body.lines[0].unitPrice", "sign", "must not be negative"),
        ["negative discount"] = Alone(SaleOf([TenDollars with { Discounts = [new Discount(-1.00m)] }], Card(11.00m)), "body.lines[0].discounts[0].amount", "sign", "greater than zero"),
        ["discount above price"] = Alone(SaleOf([TenDollars with { Discounts = [new Discount(12.00m)] }], Card(1.00m)), "body.lines[0].discounts", "not_allowed", "exceed the line's extended price"),
        ["negative tax"] = Alone(SaleOf([TenDollars with { Taxes = [new LineTax("US-NY", -0.50m)] }], Card(9.50m)), "body.lines[0].taxes[0].amount", "sign", "must not be negative"),
        ["change without cash"] = Alone(SaleOf([TenDollars], Card(12.00m)) with { ChangeGiven = 2.00m }, "body.changeGiven", "not_allowed", "exceeds the cash tendered"),
        ["card tender without card"] = Alone(SaleOf([TenDollars], new Tender(1, TenderKind.CardPresent, 10.00m)), "body.tenders[0].card", "required", "processor token"),
        ["card with a short last four"] = Alone(SaleOf([TenDollars], new Tender(1, TenderKind.CardPresent, 10.00m, TestEvents.Card() with { LastFour = "42" })), "body.tenders[0].card.lastFour", "malformed", "four digits"),
        ["zero tender"] = Alone(SaleOf([TenDollars with { UnitPrice = 0m }], new Tender(1, TenderKind.Cash, 0m)), "body.tenders[0].amount", "sign", "greater than zero"),
        ["currency not the store's"] = Alone(SaleOf([TenDollars], Card(10.00m)) with { Currency = "EUR" }, "body.currency", "currency", "records amounts in USD"),
        ["blank event id"] = new([], Event(SaleOf([TenDollars], Card(10.00m)), eventId: " "), "eventId", "required", "must not be blank"),
        ["unknown store"] = new([], Event(SaleOf([TenDollars], Card(10.00m))) with { StoreId = "LA-09" }, "storeId", "reference", "store 'LA-09' does not exist"),
        ["another store's device"] = new([], Event(SaleOf([TenDollars], Card(10.00m))) with { DeviceId = "LA-09-REG-1" }, "deviceId", "reference", "not a device of store 'NY-01'"),
        ["unknown product"] = Alone(SaleOf([TenDollars, new SaleLine(2, "SKU-404", 1, 1.00m)], Card(11.00m)), "body.lines[1].sku", "reference", "product 'SKU-404' does not exist"),
        ["unknown promotion"] = Alone(SaleOf([TenDollars with { Discounts = [new Discount(1.00m, "SPRING")] }], Card(9.00m)), "body.lines[0].discounts[0].promotionId", "reference", "promotion 'SPRING'"),
        ["unknown employee"] = Alone(SaleOf([TenDollars], Card(10.00m)) with { EmployeeId = "EMP-404" }, "body.employeeId", "reference", "employee 'EMP-404'"),
        ["unknown customer"] = Alone(SaleOf([TenDollars], Card(10.00m)) with { CustomerId = "CUST-404" }, "body.customerId", "reference", "customer 'CUST-404'"),
        ["blank customer country"] = Alone(SaleOf([TenDollars], Card(10.00m)) with { CustomerCountry = " " }, "body.customerCountry", "required", "must not be blank"),
        ["empty customer country on a return"] = new([Sale("T-1", ("SKU-1", 1, 10.00m))], Event(Return("R-1", "T-1", ("SKU-1", 1, 10.00m)) with { CustomerCountry = "" }), "body.customerCountry", "required", "must not be blank"),
        ["customer country of 129 characters"] = Alone(SaleOf([TenDollars], Card(10.00m)) with { CustomerCountry = new string('X', 129) }, "body.customerCountry", "too_long", "at most 128 characters"),
        ["customer country with a control character"] = Alone(SaleOf([TenDollars], Card(10.00m)) with { CustomerCountry = "G\u0001B" }, "body.customerCountry", "malformed", "control characters"),
        // The same product as before: the writer already knows everything the sale names, so only the receipt number is left to refuse it.
        ["receipt number reused"] = new([Sale("T-1", ("SKU-1", 1, 10.00m))], Event(Sale("T-1", ("SKU-1", 2, 10.00m))), "body.transactionId", "transaction_exists", "'T-1' is already recorded"),
        ["sub-cent price change"] = Alone(new PriceChanged("SKU-1", 9.999m), "body.unitPrice", "precision", "2 decimals USD"),
        ["negative price change"] = Alone(new PriceChanged("SKU-1", -1.00m), "body.unitPrice", "sign", "must not be negative"),
        ["price change of an unknown product"] = Alone(new PriceChanged("SKU-404", 9.00m), "body.sku", "reference", "product 'SKU-404' does not exist"),
        ["price change for an unknown promotion"] = Alone(new PriceChanged("SKU-1", 9.00m, "SPRING-5"), "body.promotionId", "reference", "promotion 'SPRING-5' does not exist"),
        ["return naming a return as its sale"] = new([Sale("T-1", ("SKU-1", 2, 10.00m)), Return("R-1", "T-1", ("SKU-1", 1, 10.00m))], Event(Return("R-2", "R-1", ("SKU-1", 1, 10.00m))), "body.originalTransactionId", "reference", "'R-1' is a return, not a sale"),
        ["return taking the receipt number of an awaited sale"] = new([Sale("T-1", ("SKU-1", 1, 10.00m)), Return("R-1", "T-404", ("SKU-1", 1, 10.00m))], Event(Return("T-404", "T-1", ("SKU-1", 1, 10.00m))), "body.transactionId", "transaction_exists", "a sale that earlier returns name"),
        ["return of an item not on the sale"] = new([Sale("T-1", ("SKU-1", 1, 10.00m))], Event(Return("R-1", "T-1", ("SKU-2", 1, 10.00m))), "body.lines[0].sku", "reference", "'SKU-2' was not sold on 'T-1'"),
        ["return of more than sold"] = new([Sale("T-1", ("SKU-1", 2, 10.00m))], Event(Return("R-1", "T-1", ("SKU-1", 3, 30.00m))), "body.lines[0].quantity", "return_exceeds_sold", "only 2 of the 2 sold"),
        ["refund above what the tender paid"] = new([Sale("T-1", ("SKU-1", 2, 10.00m))], Event(Return("R-1", "T-1", ("SKU-1", 1, 25.00m))), "body.refunds[0].amount", "refund_exceeds_paid", "which paid 20.00"),
        ["refund to a tender of another kind"] = new([Sale("T-1", ("SKU-1", 1, 10.00m))], Event(Return("R-1", "T-1", ("SKU-1", 1, 10.00m)) with { Refunds = [new Refund(1, TenderKind.Cash, 10.00m, 1)] }), "body.refunds[0].kind", "not_allowed", "paid by CardPresent"),
        ["receipted refund naming no tender"] = new([Sale("T-1", ("SKU-1", 1, 10.00m))], Event(Return("R-1", "T-1", ("SKU-1", 1, 10.00m)) with { Refunds = [new Refund(1, TenderKind.Cash, 10.00m)] }), "body.refunds[0].originalTenderNo", "required", "original tender"),
        ["refunds not matching the lines"] = new([Sale("T-1", ("SKU-1", 1, 10.00m))], Event(Return("R-1", "T-1", ("SKU-1", 1, 10.00m)) with { Refunds = [new Refund(1, TenderKind.CardPresent, 9.00m, 1)] }), "body.refunds", "balance", "refunded 10.00 USD but refunds total 9.00 USD"),
        ["refund to an original tender without receipt"] = Alone(Return("R-1", "T-1", ("SKU-1", 1, 10.00m)) with { OriginalTransactionId = null }, "body.refunds[0].originalTenderNo", "not_allowed", "without receipt"),
        ["capture beyond the tender"] = new([SaleOf([TenDollars], new Tender(1, TenderKind.CardNotPresent, 10.00m, TestEvents.Card()))], Event(new PaymentCaptured("T-1", 1, 10.01m)), "body.amount", "capture_exceeds_tender", "10.00 USD left to capture"),
        ["payment refund of an unknown tender"] = new([Sale("T-1", ("SKU-1", 1, 10.00m))], Event(new PaymentRefunded("T-1", 2, 1.00m, "goodwill")), "body.tenderNo", "reference", "has no tender 2"),
        ["receipt without unit cost"] = Alone(Move(MovementKind.Receipt, "SKU-1", 5), "body.unitCost", "required", "unit cost"),
        ["count adjustment without reason"] = Alone(Move(MovementKind.CountAdjustment, "SKU-1", -1), "body.reason", "required", "must not be blank"),
        ["negative transfer"] = Alone(Move(MovementKind.TransferOut, "SKU-1", -2), "body.quantity", "sign", "greater than zero"),
        ["sale posted as a movement"] = Alone(Move(MovementKind.Sale, "SKU-1", 1), "body.kind", "not_allowed", "come from sale and return events"),
        ["release of more than reserved"] = new([Move(MovementKind.Reservation, "SKU-1", 2)], Event(Move(MovementKind.ReservationRelease, "SKU-1", 3)), "body.quantity", "release_exceeds_reserved", "only 2 are reserved"),
        ["till count without amount"] = Alone(new DeviceEventRecorded(DeviceEventKind.TillCount), "body.amount", "required", "states its amount"),
        ["paid-out of a fraction of a cent"] = Alone(new DeviceEventRecorded(DeviceEventKind.TillPaidOut, Amount: 5.005m), "body.amount", "precision", "2 decimals USD"),
        ["sign-in without employee"] = Alone(new DeviceEventRecorded(DeviceEventKind.SignIn), "body.employeeId", "required", "must not be blank"),
    };

    private static RuleCase Alone(OmniPos.Core.Events.EventBody body, string field, string rule, string fragment) => new([], Event(body), field, rule, fragment);

    private static SaleRecorded SaleOf(IReadOnlyList<SaleLine> lines, Tender tender) => new("T-1", "USD", lines, [tender]);

    private static Tender Card(decimal amount) => new(1, TenderKind.CardPresent, amount, TestEvents.Card());
}
