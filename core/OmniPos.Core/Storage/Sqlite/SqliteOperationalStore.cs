using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using OmniPos.Core.Events;

namespace OmniPos.Core.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so a commit is on disk before it is
/// acknowledged. SQLite has one writer at a time, so appends queue for a single writer connection that records as many
/// as are waiting in one transaction and acknowledges them after the one fsync they share: group commit. It keeps its
/// statements prepared. Readers use their own pooled connections and never block it.
/// </summary>
public sealed class SqliteOperationalStore : LedgerStore
{
    private const int MaxGroup = 512;
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly EventRecorder _recorder;
    private readonly ILogger _logger;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writerLoop;
    private readonly StatementCache _statements = new();

    private SqliteOperationalStore(string connectionString, SqliteConnection writer, TimeProvider clock, ILogger logger)
    {
        _connectionString = connectionString;
        _writer = writer;
        _recorder = new EventRecorder(SqlDialect.Sqlite, clock);
        _logger = logger;
        _writerLoop = Task.Run(WriteLoopAsync);
    }

    /// <summary>Opens (creating when missing) the store file and brings its schema up to date.</summary>
    public static async Task<SqliteOperationalStore> OpenAsync(string path, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            DefaultTimeout = 30, // also how long a connection waits for another process's write lock
        }.ToString();
        var writer = new SqliteConnection(connectionString);
        try
        {
            await writer.OpenAsync(cancellationToken);
            await Sql.ExecuteAsync(writer, null, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;", cancellationToken);
            await SchemaMigrator.MigrateAsync(writer, "Sqlite", cancellationToken);
        }
        catch
        {
            await writer.DisposeAsync();
            throw;
        }

        return new SqliteOperationalStore(connectionString, writer, clock, logger);
    }

    public override async Task<AppendOutcome> AppendAsync(PosEvent e, CancellationToken cancellationToken)
    {
        var (prepared, errors) = PreparedEvent.Prepare(e);
        if (prepared is null)
        {
            return AppendOutcome.Rejected(errors);
        }

        var pending = new PendingAppend(prepared, new TaskCompletionSource<AppendOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);

        // A caller that stops waiting does not withdraw the event: it may already be committed, and a retry with the same id is answered as a duplicate.
        return await pending.Outcome.Task.WaitAsync(cancellationToken);
    }

    public override async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(long afterSeq, int maxCount, CancellationToken cancellationToken)
    {
        // One writer assigns seqs in commit order, so every committed seq is final: nothing smaller can appear later.
        await using var c = await OpenConnectionAsync(cancellationToken);
        return await SelectEventsAsync(c, afterSeq, null, maxCount, cancellationToken);
    }

    private protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public override async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writerLoop;
        _statements.Dispose();
        await _writer.DisposeAsync();
        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<PendingAppend>(MaxGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            await CommitGroupAsync(group);
            group.Clear();
        }
    }

    /// <summary>
    /// Records a group in one transaction, taking in events that arrive while it records (so more of them share the
    /// commit's fsync). Validation precedes every write, so a refused event writes nothing and needs no savepoint; an
    /// event whose writes fail (a fault, not a rule) is failed alone and the rest of the group is recorded again.
    /// </summary>
    private async Task CommitGroupAsync(List<PendingAppend> group)
    {
        // The first event is taken before BEGIN, so a transaction that cannot even start fails someone instead of spinning.
        while (group.Count > 0 || TakeNext(group))
        {
            var outcomes = new List<AppendOutcome>(group.Count);
            var recording = -1;
            try
            {
                await using var tx = await _writer.BeginTransactionAsync(); // BEGIN IMMEDIATE: the write lock is ours until commit
                await using var session = new LedgerSession(_writer, tx, _statements);
                for (recording = 0; recording < group.Count || TakeNext(group); recording++)
                {
                    outcomes.Add(await _recorder.RecordAsync(session, group[recording].Prepared, CancellationToken.None)
                        ?? throw new InvalidOperationException("the single SQLite writer lost an event id to another writer"));
                }

                recording = -1;
                await tx.CommitAsync();
            }
            catch (Exception e)
            {
                // Whatever went wrong stays with this group: the writer loop must live on for every later append.
                if (recording < 0)
                {
                    _logger.LogError(e, "Committing a group of {Count} events failed; none of them is recorded", group.Count);
                    group.ForEach(pending => pending.Outcome.TrySetException(e));
                    return;
                }

                _logger.LogError(e, "Recording event {EventId} failed; the rest of its group is recorded without it", group[recording].Prepared.Event.EventId);
                group[recording].Outcome.TrySetException(e);
                group.RemoveAt(recording);
                continue;
            }

            for (var i = 0; i < group.Count; i++)
            {
                group[i].Outcome.TrySetResult(outcomes[i]);
            }

            return;
        }
    }

    private bool TakeNext(List<PendingAppend> group)
    {
        if (group.Count < MaxGroup && _queue.Reader.TryRead(out var next))
        {
            group.Add(next);
            return true;
        }

        return false;
    }

    private sealed record PendingAppend(PreparedEvent Prepared, TaskCompletionSource<AppendOutcome> Outcome);
}
