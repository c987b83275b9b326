namespace OmniPos.Core.Catalog;

/// <summary>A shop, warehouse-backed storefront or marketplace presence that records business days in its own time zone.</summary>
/// <param name="TimeZone">IANA time-zone id; business days are local calendar days in it.</param>
/// <param name="Currency">ISO 4217 code every amount of the store is recorded in.</param>
public sealed record Store(string StoreId, string Name, string TimeZone, string Currency, string TaxJurisdiction);
