using Npgsql;
using OmniPos.Core.Storage;
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

    private PostgresTarget(PostgresServer? server, string? connectionString, string setup)
    {
        _server = server;
        _connectionString = connectionString;
        Setup = setup;
    }

    public override StoreEngine Engine => StoreEngine.Postgres;

    /// <summary>Read from the server rather than assumed: a server without fsync would make every number meaningless.</summary>
    public override string Setup { get; }

    public static async Task<PostgresTarget> StartAsync(CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } connectionString)
        {
            return new PostgresTarget(null, connectionString, $"{ConnectionVariable}: {await DescribeAsync(connectionString, cancellationToken)}");
        }

        var server = await PostgresServer.StartAsync(cancellationToken, durable: true);
        try
        {
            return new PostgresTarget(server, null, $"private server: {await DescribeAsync(server.AdminConnectionString, cancellationToken)}");
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public override async Task<StoreOptions> NewStoreAsync(CancellationToken cancellationToken) => new()
    {
        Provider = "postgres",
        ConnectionString = _server is null ? _connectionString! : await _server.CreateDatabaseAsync("omnipos_bench", cancellationToken),
    };

    public override async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static async Task<string> DescribeAsync(string connectionString, CancellationToken cancellationToken)
    {
        const string query = "SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit')";
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(query, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return $"{reader.GetString(0).Split(' ')[0]}, fsync={reader.GetString(1)}, synchronous_commit={reader.GetString(2)}";
    }
}
