namespace OmniPos.Core.Tests.Storage;

[Collection(PostgresServerDefinition.Name)]
public sealed class PostgresKeyTests(PostgresFixture postgres) : KeyConformanceTests
{
    protected override async Task<StoreBackend> CreateBackendAsync() => await postgres.CreateBackendAsync();
}
