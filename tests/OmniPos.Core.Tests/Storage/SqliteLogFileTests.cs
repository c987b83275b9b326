using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using OmniPos.Core.Storage;
using OmniPos.Core.Storage.Sqlite;
using OmniPos.Core.Tests.Support;

namespace OmniPos.Core.Tests.Storage;

/// <summary>
/// The SQLite writer writes its log through <see cref="CoalescingWalVfs"/>; what it leaves must be an ordinary SQLite
/// database that any SQLite reads, wherever the file lives.
/// </summary>
public sealed class SqliteLogFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_store_in_a_folder_whose_name_looks_like_a_uri_keeps_its_file_there()
    {
        var folder = Path.Combine(_directory.Path, "shop #1 ?mode=ro %41");
        var path = Path.Combine(folder, "ops.db");

        await using (var store = await OpenAsync(path))
        {
            await TestCatalog.SeedAsync(store);
            await store.AppendAsync(TestEvents.Event(TestEvents.Sale("T-1", ("SKU-1", 2, 5.00m))), CancellationToken.None);
        }

        Assert.Equal(["ops.db"], Directory.GetFiles(folder).Select(Path.GetFileName));
        Assert.Equal(["shop #1 ?mode=ro %41"], Directory.GetDirectories(_directory.Path).Select(Path.GetFileName));
        Assert.Equal(1L, await ScalarAsync(path, "SELECT COUNT(*) FROM events"));
    }

    [Fact]
    public async Task A_log_written_through_many_checkpoints_reads_back_intact_with_plain_sqlite()
    {
        const int writers = 8, salesPerWriter = 600;
        var path = Path.Combine(_directory.Path, "ops.db");
        await using (var store = await OpenAsync(path))
        {
            await TestCatalog.SeedAsync(store);
            var appending = Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
            {
                for (var i = 0; i < salesPerWriter; i++)
                {
                    var sale = TestEvents.Sale($"T-{w}-{i}", ("SKU-1", 1, 5.00m), ("SKU-2", 2, 7.50m), ("SKU-3", 1, 1.25m));
                    var outcome = await store.AppendAsync(TestEvents.Event(sale), CancellationToken.None);
                    Assert.Equal(AppendStatus.Accepted, outcome.Status);
                }
            })));

            // Another connection checkpoints the log while it grows, so the writer starts it over again and again,
            // overwriting frames it wrote before (a store this size would not reach its own checkpoint threshold).
            var completeCheckpoints = 0;
            while (!appending.IsCompleted)
            {
                completeCheckpoints += await CheckpointAsync(path) ? 1 : 0;
                await Task.WhenAny(appending, Task.Delay(20));
            }

            await appending;
            Assert.True(completeCheckpoints > 2, $"only {completeCheckpoints} complete checkpoints happened while appending");

            // Read while the writer's connection is still open: another connection sees every acknowledged commit.
            Assert.Equal((long)writers * salesPerWriter, await ScalarAsync(path, "SELECT COUNT(*) FROM events"));
        }

        Assert.Equal("ok", await ScalarAsync(path, "PRAGMA integrity_check"));
        Assert.Equal((long)writers * salesPerWriter * 3, await ScalarAsync(path, "SELECT COUNT(*) FROM sale_lines"));
        Assert.Equal(-2L * writers * salesPerWriter, await ScalarAsync(path, "SELECT on_hand FROM stock WHERE sku = 'SKU-2'"));
    }

    /// <summary>A passive checkpoint by a connection of plain SQLite; true when it copied the whole log into the database.</summary>
    private static async Task<bool> CheckpointAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (log, checkpointed) = (reader.GetInt64(1), reader.GetInt64(2));
        return log > 0 && log == checkpointed;
    }

    private static async Task<IOperationalStore> OpenAsync(string path) =>
        await SqliteOperationalStore.OpenAsync(path, TimeProvider.System, NullLogger.Instance, CancellationToken.None);

    /// <summary>One value, read by a connection of plain SQLite (the default VFS) that is closed for real afterwards.</summary>
    private static async Task<object?> ScalarAsync(string path, string query)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = query;
        return await command.ExecuteScalarAsync();
    }
}
