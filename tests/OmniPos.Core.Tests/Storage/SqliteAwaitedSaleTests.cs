namespace OmniPos.Core.Tests.Storage;

public sealed class SqliteAwaitedSaleTests : AwaitedSaleConformanceTests
{
    protected override Task<StoreBackend> CreateBackendAsync() => Task.FromResult<StoreBackend>(new SqliteBackend());
}
