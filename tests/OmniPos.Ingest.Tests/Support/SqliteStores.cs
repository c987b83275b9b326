using OmniPos.Core.Storage;

namespace OmniPos.Ingest.Tests.Support;

/// <summary>A test's store in a file of its own, in a folder deleted afterwards.</summary>
public sealed class SqliteStores : StoreSource
{
    private readonly string _folder = Directory.CreateTempSubdirectory("omnipos-ingest-").FullName;

    internal override Task<StoreOptions> NewStoreAsync() =>
        Task.FromResult(new StoreOptions { Provider = "sqlite", ConnectionString = Path.Combine(_folder, "ops.db") });

    internal override void CleanUp() => Directory.Delete(_folder, recursive: true);
}
