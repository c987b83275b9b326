using System.Data.Common;
using Microsoft.Extensions.Logging;
using Npgsql;
using OmniPos.Core.Ledger;
using OmniPos.Core.Events;

namespace OmniPos.Core.Storage.Postgres;

/// <summary>
/// The server store: appends are recorded in groups (see <see cref="GroupCommitQueue"/>), each group in one transaction
/// on a pooled connection, usually written and committed in one round trip, otherwise with its reads and writes batched
/// (see <see cref="GroupRecording"/>). Several processes may
/// share the database. Seqs come from a sequence, so they are taken in one order and may commit in another — see
/// <see cref="ReadEventsAsync"/> for how readers stay behind every seq that can still commit.
/// </summary>
public sealed class PostgresOperationalStore : LedgerStore
{
    /// <summary>Advisory lock key every append holds shared from its first statement until it ends ("OmniPos" in ASCII).</summary>
    internal const long SeqBarrierLock = 0x4F6D6E69506F73;
    private const long MigrationLock = SeqBarrierLock + 1;
    private readonly NpgsqlDataSource _dataSource;

    private PostgresOperationalStore(NpgsqlDataSource dataSource, CatalogCache catalog, TimeProvider clock, ILogger logger)
        : base(PostgresDialect.Instance, new GroupCommitQueue(PostgresDialect.Instance, clock,
            async ct => AppendTransaction.OnBorrowed(await dataSource.OpenConnectionAsync(ct), catalog),
            Classify, logger), clock)
    {
        _dataSource = dataSource;
    }

    /// <summary>Connects and brings the schema up to date; several processes may start at once.</summary>
    public static async Task<PostgresOperationalStore> OpenAsync(string connectionString, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        // Appends run the same few statements over and over: Npgsql prepares them on the server after two uses. Each run
        // is planned for its own lists, though: a generic plan made while a table was still small keeps scanning it
        // whole as it grows (measured: lookups slowing from 0.1 to 3 ms within a minute of a fresh start). Only the
        // group's write at once, which looks nothing up by a list, asks for its plan to be kept (see PostgresDialect). Nothing leaves
        // session state behind (the migration lock is released in a finally; every other lock is transaction-level), so
        // a connection needs no reset.
        var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxAutoPrepare = 64,
            AutoPrepareMinUsages = 2,
            NoResetOnClose = true,
            Options = "-c plan_cache_mode=force_custom_plan",
        });
        try
        {
            await using var c = await dataSource.OpenConnectionAsync(cancellationToken);
            await Sql.ExecuteAsync(c, null, "SELECT pg_advisory_lock(@k)", cancellationToken, Sql.P("@k", MigrationLock));
            try
            {
                await SchemaMigrator.MigrateAsync(c, "Postgres", cancellationToken);
            }
            finally
            {
                await Sql.ExecuteAsync(c, null, "SELECT pg_advisory_unlock(@k)", CancellationToken.None, Sql.P("@k", MigrationLock));
            }
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }

        return new PostgresOperationalStore(dataSource, new CatalogCache(), clock, logger);
    }

    /// <summary>
    /// The trap: append A takes seq 10, append B takes seq 11, B commits first. A reader that saw 11 and moved its
    /// watermark past it would never see 10. So every append holds <see cref="SeqBarrierLock"/> shared from before it
    /// takes a seq until it ends, and a reader first notes the highest seq handed out, then takes the lock exclusively
    /// for an instant: that waits out every append that may hold a seq up to the noted one. Only seqs up to it are read,
    /// and they are all final — committed and visible, or rolled back and gone for good.
    /// </summary>
    public override async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(long afterSeq, int maxCount, CancellationToken cancellationToken)
    {
        await using var c = await _dataSource.OpenConnectionAsync(cancellationToken);
        long handedOut;
        await using (var command = Sql.Command(c, null, "SELECT COALESCE(pg_sequence_last_value(pg_get_serial_sequence('events', 'seq')::regclass), 0)"))
        {
            handedOut = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        if (handedOut <= afterSeq)
        {
            return [];
        }

        // Outside a transaction, a transaction-level lock lasts for this one statement: it cannot outlive a cancelled read.
        await Sql.ExecuteAsync(c, null, "SELECT pg_advisory_xact_lock(@k)", cancellationToken, Sql.P("@k", SeqBarrierLock));
        return await SelectEventsAsync(c, afterSeq, handedOut, maxCount, cancellationToken);
    }

    private protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    private protected override ValueTask CloseAsync() => _dataSource.DisposeAsync();

    /// <summary>
    /// A race is an event id or receipt number found taken (recorded by another process meanwhile, or met by a group
    /// written at once, which asked no one first), or rows locked in the other order; any other unique violation is a
    /// fault like every constraint. Data errors (class 22), constraints (23) and
    /// raised exceptions (P0) come from one event's rows; anything else (connection, server) is the store's.
    /// </summary>
    private static AppendFault Classify(Exception e) => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "events_event_id_key" or "transactions_pkey" } => AppendFault.Race,
        PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure } => AppendFault.Race,
        PostgresException pg when pg.SqlState.StartsWith("22", StringComparison.Ordinal) || pg.SqlState.StartsWith("23", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("P0", StringComparison.Ordinal) => AppendFault.Event,
        NpgsqlException => AppendFault.Store,
        _ => AppendFault.Event,
    };
}
