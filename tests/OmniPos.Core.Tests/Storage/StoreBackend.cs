using OmniPos.Core.Storage;
using OmniPos.TestServers;

namespace OmniPos.Core.Tests.Storage;

/// <summary>One engine's database for one test: opened (and reopened) for real, with the files it keeps on disk.</summary>
public abstract class StoreBackend : IAsyncDisposable
{
    internal RecordingLoggerProvider Logs { get; } = new();

    public abstract string Provider { get; }

    /// <summary>Store:ConnectionString for this database (a file path for SQLite).</summary>
    public abstract string ConnectionString { get; }

    /// <param name="clock">What the store stamps events with; the system clock unless a test stops it.</param>
    public Task<IOperationalStore> OpenAsync(TimeProvider? clock = null) =>
        OperationalStore.OpenAsync(new StoreOptions { Provider = Provider, ConnectionString = ConnectionString },
            Path.GetTempPath(), clock ?? TimeProvider.System, new Microsoft.Extensions.Logging.LoggerFactory([Logs]), CancellationToken.None);

    /// <summary>Holds a lock that keeps the store's appends waiting until it is disposed, as another process's long transaction would.</summary>
    public abstract Task<IAsyncDisposable> HoldWritesAsync();

    /// <summary>Makes the database refuse to store a sale line of the SKU, as a full disk or a broken constraint would.</summary>
    public abstract Task RefuseSaleLinesOfAsync(string sku);

    /// <summary>Runs SQL as another client of the database would, outside the store; the first value it returns, if any.</summary>
    public abstract Task<object?> ExecuteSqlAsync(string sql);

    /// <summary>Every file the engine has written the database's data to, flushed first.</summary>
    public abstract Task<IReadOnlyList<string>> DataFilesAsync();

    /// <summary>The data files holding any of the texts (as UTF-8); a file the engine removes while they are read holds nothing.</summary>
    public async Task<IReadOnlyList<string>> DataFilesHoldingAsync(params string[] texts)
    {
        // An empty text is in every file: a test asking for one has a bug of its own.
        ArgumentOutOfRangeException.ThrowIfZero(texts.Min(text => text.Length), nameof(texts));
        var holding = new List<string>();
        foreach (var file in await DataFilesAsync())
        {
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(file);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                continue; // PostgreSQL rewrites some files (pg_internal.init) by removing them
            }

            if (texts.Any(text => bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0))
            {
                holding.Add(file);
            }
        }

        return holding;
    }

    public abstract ValueTask DisposeAsync();
}
