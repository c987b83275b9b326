using Npgsql;

namespace OmniPos.Core.Tests.Storage;

/// <summary>A fresh database on the suite's private PostgreSQL server.</summary>
public sealed class PostgresBackend(string connectionString) : StoreBackend
{
    public override string Provider => "postgres";

    public override string ConnectionString => connectionString;

    public override async Task<IReadOnlyList<string>> DataFilesAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var checkpoint = new NpgsqlCommand("CHECKPOINT", connection))
        {
            await checkpoint.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand("SHOW data_directory", connection);
        var directory = (string)(await command.ExecuteScalarAsync())!;
        if (!Directory.Exists(directory))
        {
            throw new InvalidOperationException($"the server's data directory {directory} is not readable here; scanning its files needs a local server");
        }

        return Directory.GetFiles(directory, "*", SearchOption.AllDirectories);
    }

    public override ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }
}
