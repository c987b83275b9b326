namespace OmniPos.Core.Storage;

/// <summary>Where the ledger's SQL differs between engines; everything else is written once for both.</summary>
internal abstract class SqlDialect
{
    /// <summary>Appended to reads of rows the transaction will change.</summary>
    public abstract string LockRowsSuffix { get; }

    /// <summary>Adds what must run first in an append transaction, once it has begun, to its first batch.</summary>
    public abstract void OpenTransaction(SqlBatch batch);

    /// <summary>
    /// What a transaction adding processor records to <paramref name="table"/> runs first, so that their record seqs commit
    /// in the order they are assigned (a reader continuing from the last seq it saw must never find a smaller one committed
    /// later); null where one writer at a time is all the engine has.
    /// </summary>
    public abstract string? SerializeInsertsInto(string table);

    /// <summary>A condition that <paramref name="column"/> equals one of the strings in the list parameter <paramref name="parameter"/>.</summary>
    public abstract string IsIn(string column, string parameter);

    /// <summary>The value to bind to a list parameter used in <see cref="IsIn"/>.</summary>
    public abstract object ListValue(IEnumerable<string> values);

    /// <summary>
    /// A query returning <c>@count</c> seqs that no event holds and that follow every seq recorded, as runs of
    /// consecutive seqs in ascending order: each row is a run's first seq and its length.
    /// </summary>
    public abstract string FreshSeqs { get; }

    /// <summary>Adds what inserts the rows, whatever their number, with SQL texts that do not depend on it.</summary>
    public abstract void AddInsert(SqlBatch batch, TableRows rows);

    /// <summary>
    /// Whether <see cref="AddWritesAtOnce"/> is available: worth it where a round trip costs more than the reads it saves
    /// (PostgreSQL), not where reads run in-process (SQLite).
    /// </summary>
    public virtual bool WritesAtOnce => false;

    /// <summary>
    /// Adds what inserts a group's rows in one go, the events first, each event taking its seq from the events table's own
    /// default: the seq column of every row holds its event's place in the group instead, and <paramref name="written"/>
    /// sees each event's (place, seq). Nothing is inserted, and <paramref name="written"/> sees nothing, when the catalog
    /// version is no longer <paramref name="catalogVersion"/>.
    /// </summary>
    public virtual void AddWritesAtOnce(SqlBatch batch, IReadOnlyList<TableRows> tables, long catalogVersion, Action<long, long> written) =>
        throw new NotSupportedException("this engine writes each table's rows with its own statement");
}
