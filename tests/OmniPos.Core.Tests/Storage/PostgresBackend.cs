using Npgsql;

namespace OmniPos.Core.Tests.Storage;

/// <summary>A fresh database on the suite's private PostgreSQL server.</summary>
public sealed class PostgresBackend(string connectionString) : StoreBackend
{
    public override string Provider => "postgres";

    public override string ConnectionString => connectionString;

    public override async Task<IAsyncDisposable> HoldWritesAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var begin = new NpgsqlCommand("BEGIN; LOCK TABLE events IN ACCESS EXCLUSIVE MODE", connection);
        await begin.ExecuteNonQueryAsync();
        return connection; // closing it ends the transaction and lets the writer in
    }

    public override async Task RefuseSaleLinesOfAsync(string sku)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($$"""
            CREATE FUNCTION refuse_sale_line() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.sku = '{{sku}}' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER refuse_sale_line BEFORE INSERT ON sale_lines FOR EACH ROW EXECUTE FUNCTION refuse_sale_line();
            """, connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async Task<object?> ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

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
