namespace OmniPos.Core.Tests.Storage;

[Collection(PostgresServerDefinition.Name)]
public sealed class PostgresCatalogListTests(PostgresFixture postgres) : CatalogListConformanceTests
{
    protected override async Task<StoreBackend> CreateBackendAsync() => await postgres.CreateBackendAsync();
}
