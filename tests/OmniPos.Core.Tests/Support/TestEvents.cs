using OmniPos.Core.Events;
using OmniPos.Core.Inventory;
using OmniPos.Core.Payments;
using OmniPos.Core.Returns;
using OmniPos.Core.Sales;

namespace OmniPos.Core.Tests.Support;

/// <summary>Valid events for the test catalog; tests change one thing to break one rule.</summary>
internal static class TestEvents
{
    public static readonly DateTimeOffset At = new(2026, 11, 20, 10, 15, 0, TimeSpan.FromHours(-5));

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static PosEvent Event(EventBody body, string? eventId = null) =>
        new(eventId ?? NewId("evt"), TestCatalog.StoreId, TestCatalog.RegisterId, At, body);

    /// <summary>A sale paid in full by one card tender: each line is quantity × price with no discount or tax.</summary>
    public static SaleRecorded Sale(string transactionId, params (string Sku, int Quantity, decimal Price)[] lines)
    {
        var saleLines = lines.Select((l, i) => new SaleLine(i + 1, l.Sku, l.Quantity, l.Price)).ToList();
        return new SaleRecorded(transactionId, "USD", saleLines,
            [new Tender(1, TenderKind.CardPresent, saleLines.Sum(l => l.Total), Card())]);
    }

    public static CardDetails Card() => new("tok_visa_abcdef", "visa", "4242", "A1B2C3");

    /// <summary>A receipted return refunding each line to the sale's first tender.</summary>
    public static ReturnRecorded Return(string transactionId, string originalTransactionId, params (string Sku, int Quantity, decimal Refund)[] lines) =>
        new(transactionId, "USD",
            [.. lines.Select((l, i) => new ReturnLine(i + 1, l.Sku, l.Quantity, l.Refund, "changed mind", Restock: true))],
            [new Refund(1, TenderKind.CardPresent, lines.Sum(l => l.Refund), OriginalTenderNo: 1)],
            originalTransactionId);

    public static InventoryMoved Move(MovementKind kind, string sku, int quantity, string? location = null, decimal? unitCost = null, string? reason = null) =>
        new(kind, sku, quantity, location, unitCost, reason);
}
