using OmniPos.Core.Returns;

namespace OmniPos.Ingest.Simulation;

/// <summary>
/// What of a sale comes back in one visit on a day, at a shop (<see cref="Location"/>) or by mail to the web: some
/// units of some of its lines, each refunded its share of the line's total.
/// </summary>
internal sealed record PendingReturn(int Location, SoldTransaction Sale, IReadOnlyList<ReturnedUnits> Lines)
{
    /// <summary>The return event: its lines restocked to <paramref name="restockAt"/> (the store itself when null), refunded to the sale's tenders.</summary>
    public ReturnRecorded Record(string transactionId, string? restockAt, string? employeeId) =>
        new(transactionId, "USD",
            [.. Lines.Select((l, i) => new ReturnLine(i + 1, l.Product.Sku, l.Quantity, l.Refund, l.Reason, l.Restock, restockAt))],
            Sale.Refund(Lines.Sum(l => l.Refund)), Sale.TransactionId, EmployeeId: employeeId);
}
