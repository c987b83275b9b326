using OmniPos.Core.Devices;
using OmniPos.Core.Events;
using OmniPos.Core.Importing;
using OmniPos.Core.Payments;
using OmniPos.Core.Returns;
using OmniPos.Core.Sales;
using static OmniPos.Warehouse.Tests.Support.TestChain;

namespace OmniPos.Warehouse.Tests.Queries;

/// <summary>
/// A hand-made week of trade, small enough to work every query's answer out on paper (the tests do, in comments). Monday
/// 2026-11-16 to Thursday 2026-11-19, New York five hours behind UTC, Los Angeles eight.
/// <list type="bullet">
/// <item>S1, NY register, Mon 10:00: 2 mugs at 10.00 less 2.00 (FALL-10) + 1.44 tax, 1 tee at 20.00 + 1.60 tax = 41.04; cash 50.00, change 8.96.</item>
/// <item>S2, NY register, Mon 23:30 (Tuesday in UTC): 3 caps at 12.00 = 36.00 by card.</item>
/// <item>S3, LA register, Mon 22:00 (Tuesday in UTC): 1 mug at 10.00 + 0.95 tax, 2 tees at 20.00 less 4.00 (FALL-10) = 46.95 by card.</item>
/// <item>S4, web, Tue 09:00, to GB: 1 tee at 20.00 and a 50.00 gift card = 70.00, card not present, captured 09:05.</item>
/// <item>S5, NY register, Tue 12:00: 1 mug at 10.00 in cash, no till open.</item>
/// <item>R2, LA register, Tue 15:00: 1 cap back without receipt, 12.00 store credit, by the LA cashier.</item>
/// <item>R1, NY register, Wed 10:00: 1 mug of S1 back ("changed mind"), 9.72 in cash.</item>
/// <item>R3, web, Thu 10:00, from GB: the tee of S4 back ("wrong size"), 20.00 to the card.</item>
/// <item>NY till: Mon open 200.00, paid out 15.00, drop 100.00, paid in 5.00, close counted 130.00; Wed open 129.00, close 120.00.</item>
/// <item>NY cashier Mon: a line void, a transaction void, two no-sales, a price override; LA cashier a manual discount; an LA no-sale nobody signed.</item>
/// <item>Settlements: S2 36.00 (fee 0.72), S3 46.00 (fee 0.90, 0.95 short), and 25.00 for a card no tender used (fee 0.50); none for S4.</item>
/// </list>
/// </summary>
internal static class SalesWeek
{
    public static readonly DateOnly Monday = new(2026, 11, 16);
    public static readonly DateOnly Tuesday = Monday.AddDays(1);
    public static readonly DateOnly Wednesday = Monday.AddDays(2);
    public static readonly DateOnly Thursday = Monday.AddDays(3);

    public static IReadOnlyList<PosEvent> Events()
    {
        var monday = Monday.ToDateTime(TimeOnly.MinValue);
        var tuesday = monday.AddDays(1);
        var wednesday = monday.AddDays(2);
        var thursday = monday.AddDays(3);
        return
        [
            Till(NewYorkRegister, monday.AddHours(8), DeviceEventKind.TillOpen, 200.00m),
            At(NewYorkRegister, monday.AddHours(9), new DeviceEventRecorded(DeviceEventKind.LineVoid, NewYorkCashier, "V1", LineNo: 2)),
            At(NewYorkRegister, monday.AddHours(10), new SaleRecorded("S1", "USD",
                [
                    new SaleLine(1, Mug, 2, 10.00m, [new Discount(2.00m, Promotion)], [new LineTax("US-NY", 1.44m)]),
                    new SaleLine(2, Tee, 1, 20.00m, Taxes: [new LineTax("US-NY", 1.60m)]),
                ],
                [new Tender(1, TenderKind.Cash, 50.00m)], ChangeGiven: 8.96m, EmployeeId: NewYorkCashier)),
            Till(NewYorkRegister, monday.AddHours(11), DeviceEventKind.TillPaidOut, 15.00m),
            At(NewYorkRegister, monday.AddHours(11).AddMinutes(30), new DeviceEventRecorded(DeviceEventKind.TransactionVoid, NewYorkCashier, "V2")),
            Cashier(NewYorkRegister, NewYorkCashier, monday.AddHours(12), DeviceEventKind.NoSale),
            Cashier(NewYorkRegister, NewYorkCashier, monday.AddHours(13), DeviceEventKind.NoSale),
            Cashier(NewYorkRegister, NewYorkCashier, monday.AddHours(13).AddMinutes(30), DeviceEventKind.PriceOverride, 8.00m),
            Till(NewYorkRegister, monday.AddHours(14), DeviceEventKind.TillDrop, 100.00m),
            Till(NewYorkRegister, monday.AddHours(15), DeviceEventKind.TillPaidIn, 5.00m),
            Till(NewYorkRegister, monday.AddHours(21), DeviceEventKind.TillClose, 130.00m),
            At(NewYorkRegister, monday.AddHours(23).AddMinutes(30), Sale("S2", TenderKind.CardPresent, (Cap, 3, 12.00m))),
            Cashier(LosAngelesRegister, LosAngelesCashier, monday.AddHours(12), DeviceEventKind.ManualDiscount, 1.00m),
            At(LosAngelesRegister, monday.AddHours(12).AddMinutes(30), new DeviceEventRecorded(DeviceEventKind.NoSale)),
            At(LosAngelesRegister, monday.AddHours(22), Paid("S3",
                [
                    new SaleLine(1, Mug, 1, 10.00m, Taxes: [new LineTax("US-CA", 0.95m)]),
                    new SaleLine(2, Tee, 2, 20.00m, [new Discount(4.00m, Promotion)]),
                ], TenderKind.CardPresent)),
            At(Web, tuesday.AddHours(9), Paid("S4", [new SaleLine(1, Tee, 1, 20.00m), new SaleLine(2, GiftCard, 1, 50.00m)],
                TenderKind.CardNotPresent, customerCountry: "GB")),
            At(Web, tuesday.AddHours(9).AddMinutes(5), new PaymentCaptured("S4", 1, 70.00m)),
            At(NewYorkRegister, tuesday.AddHours(12), Sale("S5", TenderKind.Cash, (Mug, 1, 10.00m))),
            At(LosAngelesRegister, tuesday.AddHours(15), new ReturnRecorded("R2", "USD",
                [new ReturnLine(1, Cap, 1, 12.00m, "no receipt", Restock: true)],
                [new Refund(1, TenderKind.StoreCredit, 12.00m, Reference: "SC-R2")], EmployeeId: LosAngelesCashier)),
            Till(NewYorkRegister, wednesday.AddHours(8), DeviceEventKind.TillOpen, 129.00m),
            At(NewYorkRegister, wednesday.AddHours(10), Return("R1", "S1", TenderKind.Cash, "changed mind", (Mug, 1, 9.72m))),
            Till(NewYorkRegister, wednesday.AddHours(20), DeviceEventKind.TillClose, 120.00m),
            At(Web, thursday.AddHours(10), Return("R3", "S4", TenderKind.CardNotPresent, "wrong size", (Tee, 1, 20.00m)) with { CustomerCountry = "GB" }),
        ];
    }

    public static IReadOnlyList<Settlement> Settlements() =>
    [
        new(NewYork, Tuesday, "tok_S2", "AUTH-S2", 36.00m, 0.72m, "USD"),
        new(LosAngeles, Tuesday, "tok_S3", "AUTH-S3", 46.00m, 0.90m, "USD"),
        new(NewYork, Tuesday, "tok_X", "AUTH-X", 25.00m, 0.50m, "USD"),
    ];

    private static PosEvent Till(string deviceId, DateTime localTime, DeviceEventKind kind, decimal amount) =>
        At(deviceId, localTime, new DeviceEventRecorded(kind, NewYorkCashier, Amount: amount));

    private static PosEvent Cashier(string deviceId, string employeeId, DateTime localTime, DeviceEventKind kind, decimal? amount = null) =>
        At(deviceId, localTime, new DeviceEventRecorded(kind, employeeId, Amount: amount));
}
