using OmniPos.Core.Storage;
using OmniPos.Core.Tests.Support;

namespace OmniPos.Core.Tests.Storage;

/// <summary>One engine's database for one test: opened (and reopened) for real, with the files it keeps on disk.</summary>
public abstract class StoreBackend : IAsyncDisposable
{
    internal RecordingLoggerProvider Logs { get; } = new();

    public abstract string Provider { get; }

    /// <summary>Store:ConnectionString for this database (a file path for SQLite).</summary>
    public abstract string ConnectionString { get; }

    public Task<IOperationalStore> OpenAsync() =>
        OperationalStore.OpenAsync(new StoreOptions { Provider = Provider, ConnectionString = ConnectionString },
            Path.GetTempPath(), TimeProvider.System, new Microsoft.Extensions.Logging.LoggerFactory([Logs]), CancellationToken.None);

    /// <summary>Every file the engine has written the database's data to, flushed first.</summary>
    public abstract Task<IReadOnlyList<string>> DataFilesAsync();

    public abstract ValueTask DisposeAsync();
}
