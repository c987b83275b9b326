namespace OmniPos.Warehouse.DuckDb;

/// <summary>An error DuckDB reported, with its text (which starts with DuckDB's class of error: "IO Error: …", "Binder Error: …").</summary>
public sealed class DuckDbException(string message) : Exception(message)
{
    /// <summary>
    /// Whether a later try may succeed: an I/O error (another process holds the database file's lock, a full disk, a file
    /// in use) or a transaction that lost a write conflict to another.
    /// </summary>
    public bool IsTransient =>
        Message.Contains("IO Error:", StringComparison.Ordinal) || Message.Contains("TransactionContext Error:", StringComparison.Ordinal);
}
