namespace OmniPos.Warehouse.History;

/// <summary>What the warehouse holds from one source of history after an import: its days of sales, series and dates.</summary>
public sealed record HistoryImportReport(string Source, long Days, int Series, DateOnly First, DateOnly Last);
