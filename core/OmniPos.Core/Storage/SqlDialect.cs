namespace OmniPos.Core.Storage;

/// <summary>The few places where the ledger's SQL differs between engines.</summary>
/// <param name="LockRowsSuffix">Appended to reads of rows the transaction will change (PostgreSQL: FOR UPDATE; SQLite has one writer).</param>
/// <param name="AppendPrologue">Run first in every append transaction, before a seq can be taken; null when not needed.</param>
internal sealed record SqlDialect(string LockRowsSuffix, string? AppendPrologue)
{
    public static SqlDialect Sqlite { get; } = new("", null);

    /// <summary>Writers share <see cref="Postgres.PostgresOperationalStore.SeqBarrierLock"/>; see ReadEventsAsync there for why.</summary>
    public static SqlDialect Postgres { get; } = new(" FOR UPDATE", $"SELECT pg_advisory_xact_lock_shared({Storage.Postgres.PostgresOperationalStore.SeqBarrierLock})");
}
