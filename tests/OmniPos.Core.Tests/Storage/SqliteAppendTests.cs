namespace OmniPos.Core.Tests.Storage;

public sealed class SqliteAppendTests : AppendConformanceTests
{
    protected override Task<StoreBackend> CreateBackendAsync() => Task.FromResult<StoreBackend>(new SqliteBackend());
}
