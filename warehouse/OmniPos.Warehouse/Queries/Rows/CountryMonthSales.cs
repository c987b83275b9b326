namespace OmniPos.Warehouse.Queries.Rows;

/// <summary>A month's sales to one customer country (empty when orders do not state one), and the returns dated in that month.</summary>
public sealed record CountryMonthSales(DateOnly Month, string Country, decimal NetSales, long Units, long Orders, long ReturnedUnits, decimal Refunded);
