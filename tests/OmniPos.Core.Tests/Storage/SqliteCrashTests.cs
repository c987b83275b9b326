namespace OmniPos.Core.Tests.Storage;

public sealed class SqliteCrashTests : CrashConformanceTests
{
    protected override Task<StoreBackend> CreateBackendAsync() => Task.FromResult<StoreBackend>(new SqliteBackend());
}
