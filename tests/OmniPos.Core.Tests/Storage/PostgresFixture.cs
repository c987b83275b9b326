using OmniPos.TestServers;

namespace OmniPos.Core.Tests.Storage;

/// <summary>One private PostgreSQL server for the whole suite; each test gets its own database on it.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync(CancellationToken.None);

    public async Task<PostgresBackend> CreateBackendAsync() =>
        new(await (_server ?? throw new InvalidOperationException("the PostgreSQL server did not start")).CreateDatabaseAsync("omnipos_test", CancellationToken.None));

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
