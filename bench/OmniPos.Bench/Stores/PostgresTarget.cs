using Microsoft.Extensions.Logging.Abstractions;
using OmniPos.Core.Storage;
using OmniPos.Core.Storage.Postgres;
using OmniPos.TestServers;

namespace OmniPos.Bench.Stores;

/// <summary>
/// A private PostgreSQL server with fsync on, a fresh database per store; or, when <c>OMNIPOS_BENCH_PG</c> holds a
/// connection string, that database as it is (benchmarks tag their ids per run, so earlier runs' rows do not collide).
/// </summary>
internal sealed class PostgresTarget : StoreTarget
{
    private const string ConnectionVariable = "OMNIPOS_BENCH_PG";
    private readonly PostgresServer? _server;
    private readonly string? _connectionString;

    private PostgresTarget(PostgresServer? server, string? connectionString)
    {
        _server = server;
        _connectionString = connectionString;
    }

    public override StoreEngine Engine => StoreEngine.Postgres;

    public override string Setup => _server is null ? $"server from {ConnectionVariable}" : "private server, fsync on";

    public static async Task<PostgresTarget> StartAsync(CancellationToken cancellationToken) =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } connectionString
            ? new PostgresTarget(null, connectionString)
            : new PostgresTarget(await PostgresServer.StartAsync(cancellationToken, durable: true), null);

    public override async Task<IOperationalStore> OpenStoreAsync(CancellationToken cancellationToken)
    {
        var connectionString = _server is null ? _connectionString! : await _server.CreateDatabaseAsync("omnipos_bench", cancellationToken);
        return await PostgresOperationalStore.OpenAsync(connectionString, TimeProvider.System, NullLogger<PostgresOperationalStore>.Instance, cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
