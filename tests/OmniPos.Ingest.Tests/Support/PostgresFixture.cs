using OmniPos.Core.Storage;
using OmniPos.TestServers;

namespace OmniPos.Ingest.Tests.Support;

/// <summary>One private PostgreSQL server for the suite; each test gets a database of its own on it.</summary>
public sealed class PostgresFixture : StoreSource, IAsyncLifetime
{
    private PostgresServer? _server;

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync(CancellationToken.None);

    internal override async Task<StoreOptions> NewStoreAsync() => new()
    {
        Provider = "postgres",
        ConnectionString = await (_server ?? throw new InvalidOperationException("the PostgreSQL server did not start")).CreateDatabaseAsync("omnipos_ingest", CancellationToken.None),
    };

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresServerDefinition : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
