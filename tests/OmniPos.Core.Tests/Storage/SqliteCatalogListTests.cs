namespace OmniPos.Core.Tests.Storage;

public sealed class SqliteCatalogListTests : CatalogListConformanceTests
{
    protected override Task<StoreBackend> CreateBackendAsync() => Task.FromResult<StoreBackend>(new SqliteBackend());
}
