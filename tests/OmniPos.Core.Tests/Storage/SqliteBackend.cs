using Microsoft.Data.Sqlite;
using OmniPos.Core.Tests.Support;

namespace OmniPos.Core.Tests.Storage;

public sealed class SqliteBackend : StoreBackend
{
    private readonly TempDirectory _directory = new();

    public override string Provider => "sqlite";

    public override string ConnectionString => Path.Combine(_directory.Path, "ops.db");

    public override async Task<IAsyncDisposable> HoldWritesAsync()
    {
        var connection = OpenUnpooled();
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync();
        return connection; // closing it rolls the transaction back and lets the writer in
    }

    public override async Task RefuseSaleLinesOfAsync(string sku)
    {
        await using var connection = OpenUnpooled();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE TRIGGER refuse_sale_line BEFORE INSERT ON sale_lines WHEN NEW.sku = '{sku}' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END";
        await command.ExecuteNonQueryAsync();
    }

    public override async Task<object?> ExecuteSqlAsync(string sql)
    {
        await using var connection = OpenUnpooled();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>A connection of the test's own, closed for real on dispose (a pooled one would keep its transaction and locks).</summary>
    private SqliteConnection OpenUnpooled() => new($"Data Source={ConnectionString};Pooling=False");

    public override Task<IReadOnlyList<string>> DataFilesAsync() =>
        Task.FromResult<IReadOnlyList<string>>(Directory.GetFiles(_directory.Path));

    public override ValueTask DisposeAsync()
    {
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
