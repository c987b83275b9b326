using Microsoft.Extensions.Logging.Abstractions;
using OmniPos.Core.Storage;
using OmniPos.Core.Storage.Sqlite;

namespace OmniPos.Bench.Stores;

/// <summary>SQLite files in a temporary folder of their own, deleted with the target.</summary>
internal sealed class SqliteTarget : StoreTarget
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("omnipos-bench-");
    private int _opened;

    public override StoreEngine Engine => StoreEngine.Sqlite;

    public override string Setup => "file, WAL, synchronous=FULL";

    public override async Task<IOperationalStore> OpenStoreAsync(CancellationToken cancellationToken) =>
        await SqliteOperationalStore.OpenAsync(
            Path.Combine(_folder.FullName, $"ops-{Interlocked.Increment(ref _opened)}.db"),
            TimeProvider.System, NullLogger<SqliteOperationalStore>.Instance, cancellationToken);

    public override ValueTask DisposeAsync()
    {
        _folder.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}
