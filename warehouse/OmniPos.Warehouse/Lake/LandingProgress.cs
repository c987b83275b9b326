namespace OmniPos.Warehouse.Lake;

/// <summary>One step of one landing run: the feed, its seq range, and how many records and rows it carries.</summary>
public sealed record LandingProgress(string Feed, LandingStep Step, long FirstSeq, long LastSeq, int Records, long Rows);
