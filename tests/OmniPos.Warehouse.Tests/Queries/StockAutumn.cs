using OmniPos.Core.Events;
using OmniPos.Core.Inventory;
using OmniPos.Core.Payments;
using static OmniPos.Warehouse.Tests.Support.TestChain;

namespace OmniPos.Warehouse.Tests.Queries;

/// <summary>
/// Stock of three SKUs in New York and one in Los Angeles, hand-made so aging, days of supply and sell-through can be
/// worked out on paper (the tests do, in comments). The week the tests look at begins Monday 2026-11-16.
/// <list type="bullet">
/// <item>Mug, NY: received 10 at 3.00 on 2026-08-01 and 10 at 3.50 on 10-25; sold 6 on 10-28 and 6 on 11-17; one of those back
/// on 11-18 (restocked, standard cost 4.00); 6 received at 4.00 on 11-19; a count finds one missing on 11-20.</item>
/// <item>Tee, NY: received 2 at 5.50 on 2025-10-01 and 4 at 5.00 on 2026-06-01; one sold on 11-17.</item>
/// <item>Cap, NY: received 3 at 2.50 on 10-30, all sold on 11-05 (out of stock until 11-15), 4 at 2.50 received on 11-15, 2 sold on 11-16.</item>
/// <item>Mug, LA: received 5 at 3.80 on 11-16, one sold that day.</item>
/// </list>
/// </summary>
internal static class StockAutumn
{
    public static readonly DateOnly WeekStart = new(2026, 11, 16);
    public static readonly DateOnly AsOf = new(2026, 11, 20);

    public static IReadOnlyList<PosEvent> Events() =>
    [
        Receive(NewYorkRegister, new DateTime(2025, 10, 1), Tee, 2, 5.50m),
        Receive(NewYorkRegister, new DateTime(2026, 6, 1), Tee, 4, 5.00m),
        Receive(NewYorkRegister, new DateTime(2026, 8, 1), Mug, 10, 3.00m),
        Receive(NewYorkRegister, new DateTime(2026, 10, 25), Mug, 10, 3.50m),
        Sell(NewYorkRegister, new DateTime(2026, 10, 28), "T1", Mug, 6),
        Receive(NewYorkRegister, new DateTime(2026, 10, 30), Cap, 3, 2.50m),
        Sell(NewYorkRegister, new DateTime(2026, 11, 5), "T2", Cap, 3),
        Receive(NewYorkRegister, new DateTime(2026, 11, 15), Cap, 4, 2.50m),
        Sell(NewYorkRegister, new DateTime(2026, 11, 16), "T3", Cap, 2),
        Receive(LosAngelesRegister, new DateTime(2026, 11, 16), Mug, 5, 3.80m),
        Sell(LosAngelesRegister, new DateTime(2026, 11, 16), "T4", Mug, 1),
        Sell(NewYorkRegister, new DateTime(2026, 11, 17), "T5", Mug, 6),
        Sell(NewYorkRegister, new DateTime(2026, 11, 17), "T6", Tee, 1),
        At(NewYorkRegister, new DateTime(2026, 11, 18, 14, 0, 0), Return("T7", "T5", TenderKind.Cash, "changed mind", (Mug, 1, 10.00m))),
        Receive(NewYorkRegister, new DateTime(2026, 11, 19), Mug, 6, 4.00m),
        At(NewYorkRegister, new DateTime(2026, 11, 20, 18, 0, 0), new InventoryMoved(MovementKind.CountAdjustment, Mug, -1, Reason: "count")),
    ];

    private static PosEvent Receive(string deviceId, DateTime day, string sku, int units, decimal unitCost) =>
        At(deviceId, day.AddHours(7), new InventoryMoved(MovementKind.Receipt, sku, units, UnitCost: unitCost, Reference: $"PO-{sku}-{day:yyyyMMdd}"));

    private static PosEvent Sell(string deviceId, DateTime day, string transactionId, string sku, int units) =>
        At(deviceId, day.AddHours(12), Sale(transactionId, TenderKind.Cash, (sku, units, 10.00m)));
}
