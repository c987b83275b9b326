using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace OmniPos.Core.Storage.Sqlite;

/// <summary>
/// Copies committed pages from the write-ahead log into the database file from a connection of its own, every
/// <see cref="Interval"/>, so the writer seldom stops for a checkpoint: SQLite's automatic one runs inside the commit
/// that passes its threshold, and an append group waited for the whole copy and its flush. A passive checkpoint takes no
/// lock the writer needs; the writer's own checkpoint stays as the backstop and then finds little left to copy.
/// </summary>
internal sealed partial class LogCheckpointer : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private readonly SqliteConnection _connection;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private LogCheckpointer(SqliteConnection connection, ILogger logger)
    {
        _connection = connection;
        _logger = logger;
        _running = RunAsync();
    }

    /// <param name="connectionString">A connection to the store's file that is not pooled, so disposing closes it.</param>
    public static async Task<LogCheckpointer> StartAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return new LogCheckpointer(connection, logger);
    }

    /// <summary>Runs on the system clock whatever clock the store stamps events with: it paces disk work, not business time.</summary>
    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    await Sql.ExecuteAsync(_connection, null, "PRAGMA wal_checkpoint(PASSIVE)", _stop.Token);
                }
                catch (SqliteException e)
                {
                    // The writer's own checkpoint still runs; a failed copy here only leaves more for it.
                    CheckpointFailed(_logger, e.SqliteErrorCode, e);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        _stop.Dispose();
        await _connection.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background checkpoint of the SQLite log failed (SQLite error {Code}); the writer's own checkpoint remains")]
    private static partial void CheckpointFailed(ILogger logger, int code, Exception exception);
}
