namespace OmniPos.Warehouse.DuckDb;

/// <summary>DuckDB refused or failed an operation; the message is DuckDB's own, after what was being done.</summary>
public sealed class DuckDbException(string message) : Exception(message);
