namespace OmniPos.Core.Storage;

/// <summary>The few places where the ledger's SQL differs between engines.</summary>
/// <param name="LockRowsSuffix">Appended to reads of rows the transaction will change (PostgreSQL: FOR UPDATE; SQLite has one writer).</param>
/// <param name="OpeningRow">The one-row subquery an append's first read starts from; it does whatever must precede everything else in the transaction.</param>
internal sealed record SqlDialect(string LockRowsSuffix, string OpeningRow)
{
    public static SqlDialect Sqlite { get; } = new("", "(SELECT 1)");

    /// <summary>Appends take <see cref="Postgres.PostgresOperationalStore.SeqBarrierLock"/> shared before any seq or row lock; see ReadEventsAsync there for why.</summary>
    public static SqlDialect Postgres { get; } = new(" FOR UPDATE", $"(SELECT pg_advisory_xact_lock_shared({Storage.Postgres.PostgresOperationalStore.SeqBarrierLock}))");
}
