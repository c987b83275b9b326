namespace OmniPos.Core.Tests.Storage;

public sealed class SqliteStockTests : StockConformanceTests
{
    protected override Task<StoreBackend> CreateBackendAsync() => Task.FromResult<StoreBackend>(new SqliteBackend());
}
