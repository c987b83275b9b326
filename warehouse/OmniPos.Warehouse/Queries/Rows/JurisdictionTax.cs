namespace OmniPos.Warehouse.Queries.Rows;

/// <summary>Tax charged at a store on a business day for one jurisdiction.</summary>
public sealed record JurisdictionTax(string StoreId, DateOnly BusinessDate, string Jurisdiction, decimal Tax, long Transactions);
