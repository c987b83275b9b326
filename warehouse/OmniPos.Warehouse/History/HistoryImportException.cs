namespace OmniPos.Warehouse.History;

/// <summary>A sales-history file that cannot be imported, and why; nothing of it was kept.</summary>
public sealed class HistoryImportException(string message) : Exception(message);
