namespace OmniPos.Warehouse.Queries.Rows;

/// <summary>Card tenders captured at a store on a business day against what the processor settled for them, and how many items did not match.</summary>
public sealed record TenderReconciliation(string StoreId, DateOnly BusinessDate, long Tenders, decimal Captured, decimal Settled, decimal Fees, long Unmatched)
{
    public decimal Difference => Settled - Captured;
}
