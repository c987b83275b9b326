using OmniPos.Core.Storage;

namespace OmniPos.Bench.Stores;

/// <summary>SQLite files in a temporary folder of their own, deleted with the target.</summary>
internal sealed class SqliteTarget : StoreTarget
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("omnipos-bench-");
    private int _opened;

    public override StoreEngine Engine => StoreEngine.Sqlite;

    public override string Setup => "file, WAL, synchronous=FULL";

    public override Task<StoreOptions> NewStoreAsync(CancellationToken cancellationToken) => Task.FromResult(new StoreOptions
    {
        Provider = "sqlite",
        ConnectionString = Path.Combine(_folder.FullName, $"ops-{Interlocked.Increment(ref _opened)}.db"),
    });

    public override ValueTask DisposeAsync()
    {
        _folder.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}
