namespace OmniPos.Warehouse.Lake;

/// <summary>What a landing did: records landed per feed, fact rows and files written, leftovers of an interrupted run removed, and where each feed's watermark now is.</summary>
public sealed record LandingReport(
    long Events,
    long ProcessorRecords,
    long Rows,
    int Files,
    IReadOnlyList<string> RemovedLeftovers,
    long EventWatermark,
    long SettlementWatermark,
    long ChargebackWatermark,
    TimeSpan Elapsed);
