namespace OmniPos.Ingest.Simulation;

/// <summary>Units of a SKU on their way to a stock location, arriving on a day (counted from the first simulated day).</summary>
internal sealed record PurchaseOrder(int Day, int Location, int Product, int Units, string Reference);
