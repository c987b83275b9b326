using OmniPos.Warehouse.DuckDb;
using OmniPos.Warehouse.Tests.Support;

namespace OmniPos.Warehouse.Tests.DuckDb;

public sealed class DuckDbDatabaseTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    private string FilePath => Path.Combine(_folder.Path, "warehouse.duckdb");

    [Fact]
    public void Settings_are_set_before_the_database_opens()
    {
        using var database = DuckDbDatabase.Open(null, new Dictionary<string, string> { ["threads"] = "1", ["memory_limit"] = "1GiB" });
        using var connection = database.Connect();
        using var reader = connection.Query("SELECT current_setting('threads'), current_setting('memory_limit')");

        Assert.Equal([(1L, "1.0 GiB")], reader.ReadAll(r => (r.GetInt64(0), r.GetString(1))));
    }

    [Theory]
    [InlineData("nope_setting", "1")]
    [InlineData("threads", "many")]
    public void A_setting_DuckDB_refuses_throws_naming_it(string name, string value)
    {
        var failure = Assert.Throws<DuckDbException>(() => DuckDbDatabase.Open(null, new Dictionary<string, string> { [name] = value }).Dispose());

        Assert.Contains(name, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_in_a_missing_folder_fails_to_open_naming_it()
    {
        var path = Path.Combine(_folder.Path, "missing", "warehouse.duckdb");

        var failure = Assert.Throws<DuckDbException>(() => DuckDbDatabase.Open(path).Dispose());

        Assert.Contains(path, failure.Message, StringComparison.Ordinal);
    }

    /// <summary>DuckDB.NET once lost a file database's data when its last connection closed; both orders of closing are tried.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Rows_survive_closing_the_last_connection_and_the_database(bool databaseFirst)
    {
        var database = DuckDbDatabase.Open(FilePath);
        var connection = database.Connect();
        connection.Execute("CREATE TABLE sales(id INTEGER, amount DECIMAL(18,2)); INSERT INTO sales VALUES (1, 10.50)");
        using (var appender = connection.CreateAppender("sales"))
        {
            appender.Append(2).Append(-3.25m).EndRow();
            appender.Complete();
        }

        if (databaseFirst)
        {
            database.Dispose();
            connection.Dispose();
        }
        else
        {
            connection.Dispose();
            database.Dispose();
        }

        // Closing checkpointed the file: nothing is left in the write-ahead log for a crash to lose.
        Assert.False(File.Exists(FilePath + ".wal"));
        using var reopened = DuckDbDatabase.Open(FilePath);
        using var again = reopened.Connect();
        using var reader = again.Query("SELECT id, amount FROM sales ORDER BY id");
        Assert.Equal([(1, 10.50m), (2, -3.25m)], reader.ReadAll(r => (r.GetInt32(0), r.GetDecimal(1))));
    }

    [Fact]
    public async Task Connections_on_their_own_threads_share_one_database()
    {
        using var database = DuckDbDatabase.Open(FilePath);
        using (var setup = database.Connect())
        {
            setup.Execute("CREATE TABLE t(worker INTEGER, i INTEGER)");
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            using var connection = database.Connect();
            using var appender = connection.CreateAppender("t");
            for (var i = 0; i < 3000; i++)
            {
                appender.Append(worker).Append(i).EndRow();
            }

            appender.Complete();
        })));

        using var check = database.Connect();
        using var reader = check.Query("SELECT worker, count(*), sum(i) FROM t GROUP BY worker ORDER BY worker");
        Assert.Equal(
            [.. Enumerable.Range(0, 4).Select(w => (w, 3000L, 3000L * 2999 / 2))],
            reader.ReadAll(r => (r.GetInt32(0), r.GetInt64(1), r.GetInt64(2))));
    }

    public void Dispose() => _folder.Dispose();
}
