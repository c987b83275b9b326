using Microsoft.Extensions.Logging.Abstractions;
using OmniPos.Core.Storage;
using OmniPos.TestServers;

namespace OmniPos.Warehouse.Tests.Support;

/// <summary>Which operational store a test lands from: a SQLite file in the test's folder, or a database of its own on the suite's PostgreSQL server.</summary>
public abstract class Engine
{
    /// <summary>The store's options; SQLite's file lives in <paramref name="folder"/>.</summary>
    public abstract Task<StoreOptions> NewStoreAsync(string folder);

    public static Task<IOperationalStore> OpenAsync(StoreOptions options, string folder) =>
        OperationalStore.OpenAsync(options, folder, TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);
}

public sealed class SqliteEngine : Engine
{
    public override Task<StoreOptions> NewStoreAsync(string folder) =>
        Task.FromResult(new StoreOptions { Provider = "sqlite", ConnectionString = Path.Combine(folder, "ops.db") });
}

/// <summary>One private PostgreSQL server for the suite; each test gets a database of its own on it.</summary>
public sealed class PostgresEngine : Engine, IAsyncLifetime
{
    private PostgresServer? _server;

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync(CancellationToken.None);

    public override async Task<StoreOptions> NewStoreAsync(string folder) => new()
    {
        Provider = "postgres",
        ConnectionString = await (_server ?? throw new InvalidOperationException("the PostgreSQL server did not start"))
            .CreateDatabaseAsync("omnipos_warehouse", CancellationToken.None),
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
public sealed class PostgresServerDefinition : ICollectionFixture<PostgresEngine>
{
    public const string Name = "PostgreSQL";
}
