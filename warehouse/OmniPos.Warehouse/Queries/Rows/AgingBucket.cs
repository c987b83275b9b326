namespace OmniPos.Warehouse.Queries.Rows;

/// <summary>Units on hand at a location in one category and age bucket (0-30, 31-60, 61-90, 91-180, 181-365, 365+ days), at their lots' cost.</summary>
public sealed record AgingBucket(string Location, string Category, string Bucket, long Units, decimal ValueAtCost);
