namespace OmniPos.Warehouse.Queries.Rows;

/// <summary>What loss prevention looks at per employee: voids, no-sales, overrides and manual discounts, and returns without receipt.</summary>
public sealed record EmployeeExceptions(
    string StoreId, string EmployeeId, long LineVoids, long TransactionVoids, long NoSales, long PriceOverrides, long ManualDiscounts,
    long NoReceiptReturns, decimal NoReceiptRefunded);
