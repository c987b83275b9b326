namespace OmniPos.Core.Tests.Storage;

[Collection(PostgresServerDefinition.Name)]
public sealed class PostgresRuleTests(PostgresFixture postgres) : RuleConformanceTests
{
    protected override async Task<StoreBackend> CreateBackendAsync() => await postgres.CreateBackendAsync();
}
