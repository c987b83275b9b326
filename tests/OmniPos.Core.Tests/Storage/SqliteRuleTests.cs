namespace OmniPos.Core.Tests.Storage;

public sealed class SqliteRuleTests : RuleConformanceTests
{
    protected override Task<StoreBackend> CreateBackendAsync() => Task.FromResult<StoreBackend>(new SqliteBackend());
}
