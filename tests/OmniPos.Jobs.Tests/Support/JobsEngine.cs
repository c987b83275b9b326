using Npgsql;
using OmniPos.Core.Storage;
using OmniPos.TestServers;

namespace OmniPos.Jobs.Tests.Support;

/// <summary>Which operational store (and so which job store) a test schedules over.</summary>
public abstract class JobsEngine
{
    public abstract Task<StoreOptions> NewStoreAsync(string folder);
}

/// <summary>ops.db and jobs.db in the test's folder: one node.</summary>
public sealed class SqliteJobs : JobsEngine
{
    public override Task<StoreOptions> NewStoreAsync(string folder) =>
        Task.FromResult(new StoreOptions { Provider = "sqlite", ConnectionString = Path.Combine(folder, "ops.db") });
}

/// <summary>A database of the test's own on the suite's private PostgreSQL server: a clustered job store.</summary>
public sealed class PostgresJobs : JobsEngine, IAsyncLifetime
{
    private PostgresServer? _server;

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync(CancellationToken.None);

    public override async Task<StoreOptions> NewStoreAsync(string folder) => new()
    {
        Provider = "postgres",
        ConnectionString = await (_server ?? throw new InvalidOperationException("the PostgreSQL server did not start")).CreateDatabaseAsync("omnipos_jobs", CancellationToken.None),
    };

    /// <summary>
    /// Another session's ACCESS EXCLUSIVE lock on the store's event log until disposed: whatever reads or appends events
    /// (a landing run) waits meanwhile.
    /// </summary>
    public static async Task<IAsyncDisposable> HoldEventLogAsync(StoreOptions store)
    {
        var connection = new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("LOCK TABLE events IN ACCESS EXCLUSIVE MODE", connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        return new Held(connection, transaction);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private sealed class Held(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await connection.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresServerDefinition : ICollectionFixture<PostgresJobs>
{
    public const string Name = "PostgreSQL";
}
