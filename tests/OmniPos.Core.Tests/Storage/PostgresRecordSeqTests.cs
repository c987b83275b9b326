namespace OmniPos.Core.Tests.Storage;

[Collection(PostgresServerDefinition.Name)]
public sealed class PostgresRecordSeqTests(PostgresFixture postgres) : RecordSeqConformanceTests
{
    protected override async Task<StoreBackend> CreateBackendAsync() => await postgres.CreateBackendAsync();
}
