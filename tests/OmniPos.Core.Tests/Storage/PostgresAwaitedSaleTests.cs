namespace OmniPos.Core.Tests.Storage;

[Collection(PostgresServerDefinition.Name)]
public sealed class PostgresAwaitedSaleTests(PostgresFixture postgres) : AwaitedSaleConformanceTests
{
    protected override async Task<StoreBackend> CreateBackendAsync() => await postgres.CreateBackendAsync();
}
