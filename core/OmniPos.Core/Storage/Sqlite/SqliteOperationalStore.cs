using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace OmniPos.Core.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so a commit is on disk before it is
/// acknowledged. SQLite has one writer at a time, so appends are recorded in groups (see <see cref="GroupCommitQueue"/>)
/// by a single writer connection (see <see cref="SqliteWriter"/>) that writes its log through
/// <see cref="CoalescingWalVfs"/>. Readers use their own pooled connections and never block it.
/// </summary>
public sealed class SqliteOperationalStore : LedgerStore
{
    private const int SqliteTooBig = 18;
    private const int SqliteConstraint = 19;
    private const int SqliteMismatch = 20;
    private const int SqliteRange = 25;
    private const long CheckpointLogBytes = 40L * 1024 * 1024;
    private readonly string _connectionString;
    private readonly SqliteWriter _writer;
    private readonly LogCheckpointer _checkpointer;

    private SqliteOperationalStore(string connectionString, SqliteWriter writer, LogCheckpointer checkpointer, TimeProvider clock, ILogger logger)
        : base(SqliteDialect.Instance, new GroupCommitQueue(SqliteDialect.Instance, clock, writer.BeginAsync, Classify, logger), clock)
    {
        _connectionString = connectionString;
        _writer = writer;
        _checkpointer = checkpointer;
    }

    /// <summary>Opens (creating when missing) the store file and brings its schema up to date.</summary>
    public static async Task<SqliteOperationalStore> OpenAsync(string path, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connectionString = ConnectionString(path, pooled: true);
        SqliteLibrary.EnsureConfigured();
        CoalescingWalVfs.EnsureRegistered();
        // Its own connection string (and no pool), so closing the store closes the file.
        var writer = new SqliteConnection(ConnectionString(CoalescingWalVfs.UriFor(path), pooled: false));
        try
        {
            await writer.OpenAsync(cancellationToken);
            // Pages of 1 KiB (for a new file; an existing one keeps its size): a commit group rewrites scattered stock rows
            // and index entries, about 50 pages, and the flush to disk costs more the more bytes it carries. Measured with
            // 8 writers: 1 KiB pages halve the bytes per commit (about 100 KB instead of 200) for about 10% more appends
            // per second than 4 KiB, though a single event's row then spills into an overflow page.
            // cache_spill=OFF: a transaction's pages reach the log only when it commits, as CoalescingWalVfs requires.
            await Sql.ExecuteAsync(writer, null,
                "PRAGMA page_size = 1024; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA cache_spill = OFF;", cancellationToken);
            // A checkpoint copies each page once however often the log rewrote it, and appends rewrite the same stock and
            // index pages in every commit: checkpointing every 40 MB of log rather than SQLite's 1,000 pages copies fewer
            // pages per event (measured: more appends per second and a lower p99). The setting counts pages. The writer's
            // checkpoint is the backstop: LogCheckpointer copies the log from its own connection meanwhile.
            var pageSize = Convert.ToInt64(await ScalarAsync(writer, "PRAGMA page_size", cancellationToken), CultureInfo.InvariantCulture);
            await Sql.ExecuteAsync(writer, null, $"PRAGMA wal_autocheckpoint = {CheckpointLogBytes / pageSize}", cancellationToken);
            await RequireAsync(writer, "journal_mode", "wal", cancellationToken);
            await RequireAsync(writer, "synchronous", "2", cancellationToken);
            await RequireAsync(writer, "cache_spill", "0", cancellationToken);
            await SchemaMigrator.MigrateAsync(writer, "Sqlite", cancellationToken);
        }
        catch
        {
            await writer.DisposeAsync();
            throw;
        }

        var checkpointer = await LogCheckpointer.StartAsync(ConnectionString(path, pooled: false), logger, cancellationToken);
        return new SqliteOperationalStore(connectionString, new SqliteWriter(writer), checkpointer, clock, logger);
    }

    /// <summary>Fails unless a setting the writer's durability depends on is what it asked for.</summary>
    private static async Task RequireAsync(SqliteConnection writer, string pragma, string expected, CancellationToken ct)
    {
        var actual = Convert.ToString(await ScalarAsync(writer, $"PRAGMA {pragma}", ct), CultureInfo.InvariantCulture);
        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite's {pragma} is {actual} where the store needs {expected}; the file system may not support it");
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string query, CancellationToken ct)
    {
        await using var command = Sql.Command(connection, null, query);
        return await command.ExecuteScalarAsync(ct);
    }

    private static string ConnectionString(string dataSource, bool pooled) => new SqliteConnectionStringBuilder
    {
        DataSource = dataSource,
        Mode = SqliteOpenMode.ReadWriteCreate,
        ForeignKeys = true,
        DefaultTimeout = 30, // also how long a connection waits for another process's write lock
        Pooling = pooled,
    }.ToString();

    public override async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(long afterSeq, int maxCount, CancellationToken cancellationToken)
    {
        // Seqs are assigned in commit order by whichever writer holds the write lock (BEGIN IMMEDIATE, across processes too),
        // so every committed seq is final: nothing smaller can appear later.
        await using var c = await OpenConnectionAsync(cancellationToken);
        return await SelectEventsAsync(c, afterSeq, null, maxCount, cancellationToken);
    }

    private protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private protected override async ValueTask CloseAsync()
    {
        await _checkpointer.DisposeAsync();
        await _writer.DisposeAsync();
        using var pooled = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(pooled);
    }

    /// <summary>One writer holds the write lock from BEGIN IMMEDIATE, so nothing races it; busy, I/O and full-disk errors are the store's.</summary>
    private static AppendFault Classify(Exception e) => e switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint or SqliteMismatch or SqliteTooBig or SqliteRange } => AppendFault.Event,
        SqliteException => AppendFault.Store,
        _ => AppendFault.Event,
    };
}
