namespace OmniPos.Core.Tests.Storage;

[CollectionDefinition(Name)]
public sealed class PostgresServerDefinition : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
