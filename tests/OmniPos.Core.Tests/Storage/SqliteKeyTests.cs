namespace OmniPos.Core.Tests.Storage;

public sealed class SqliteKeyTests : KeyConformanceTests
{
    protected override Task<StoreBackend> CreateBackendAsync() => Task.FromResult<StoreBackend>(new SqliteBackend());
}
