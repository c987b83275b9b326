namespace OmniPos.Core.Tests.Storage;

public sealed class SqliteRecordSeqTests : RecordSeqConformanceTests
{
    protected override Task<StoreBackend> CreateBackendAsync() => Task.FromResult<StoreBackend>(new SqliteBackend());
}
