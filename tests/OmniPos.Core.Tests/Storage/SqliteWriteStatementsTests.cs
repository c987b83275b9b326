using Microsoft.Data.Sqlite;
using OmniPos.Core.Storage;
using OmniPos.Core.Storage.Sqlite;

namespace OmniPos.Core.Tests.Storage;

/// <summary>
/// The SQLite writer binds its rows directly rather than through Microsoft.Data.Sqlite; the rows must read the same as if
/// it had not, and a refused row must fail the way the store's error handling expects.
/// </summary>
public sealed class SqliteWriteStatementsTests : IDisposable
{
    private const string Insert = "INSERT INTO t (id, v) VALUES (@id, @v)";
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly SqliteTransaction _transaction;

    public SqliteWriteStatementsTests()
    {
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (id TEXT PRIMARY KEY, v)";
        create.ExecuteNonQuery();
        _transaction = _connection.BeginTransaction(); // the writer runs its statements inside its append transaction
    }

    public void Dispose()
    {
        _transaction.Dispose();
        _connection.Dispose();
    }

    public static TheoryData<object?> LedgerValues() => new(
        "BENCH-SKU-00012", "", "naïve café ☕", new string('é', 128), string.Concat(Enumerable.Repeat("a note ☕ ", 40)), 0, -3, 42L, long.MaxValue, true, false, null,
        12.30m, 0m, -0.00m, -5m, 0.01m, 100.000m, 1234567.8900m, 1m / 3m, -0.10m, decimal.MaxValue, decimal.MinValue,
        new DateTime(2026, 11, 23, 12, 0, 0, 123, DateTimeKind.Utc).AddTicks(4567), new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc));

    [Theory]
    [MemberData(nameof(LedgerValues))]
    public void A_value_is_stored_exactly_as_microsoft_data_sqlite_stores_it(object? value)
    {
        using (var writes = new SqliteWriteStatements(_connection))
        {
            writes.Run(new SqlStatement(Insert, [new("@id", "by name"), new("@v", value)]));
            writes.Run(new StatementPerRow(Insert, [["by place", value]]));
        }

        using (var command = Command())
        {
            command.CommandText = Insert;
            command.Parameters.AddWithValue("@id", "command");
            command.Parameters.AddWithValue("@v", value ?? DBNull.Value);
            command.ExecuteNonQuery();
        }

        Assert.Equal(Stored("command"), Stored("by name"));
        Assert.Equal(Stored("command"), Stored("by place"));
    }

    [Fact]
    public void A_refused_row_fails_with_sqlites_error_and_the_next_row_is_written()
    {
        using var writes = new SqliteWriteStatements(_connection);
        writes.Run(new SqlStatement(Insert, [new("@id", "row-1"), new("@v", 1)]));

        var refused = Assert.Throws<SqliteException>(() => writes.Run(new SqlStatement(Insert, [new("@id", "row-1"), new("@v", 2)])));
        writes.Run(new SqlStatement(Insert, [new("@id", "row-2"), new("@v", 3)]));

        Assert.Equal(19, refused.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Contains("UNIQUE constraint failed: t.id", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["'row-1' 1", "'row-2' 3"], Rows());
    }

    [Fact]
    public void Each_row_of_a_statement_per_row_is_written_with_its_own_values()
    {
        using var writes = new SqliteWriteStatements(_connection);

        writes.Run(new StatementPerRow(Insert, [["row-1", 12.30m], ["row-2", null], ["row-3", "x"]]));

        Assert.Equal(["'row-1' '12.3'", "'row-2' NULL", "'row-3' 'x'"], Rows());
    }

    [Fact]
    public void A_row_with_too_few_values_is_refused_rather_than_reusing_the_last_rows()
    {
        using var writes = new SqliteWriteStatements(_connection);

        var refused = Assert.Throws<ArgumentException>(() => writes.Run(new StatementPerRow(Insert, [["row-1", 1], ["row-2"]])));

        Assert.Contains("takes 2 parameters, not 1", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["'row-1' 1"], Rows());
    }

    [Fact]
    public void A_value_of_a_type_the_ledger_does_not_write_is_refused_by_name()
    {
        using var writes = new SqliteWriteStatements(_connection);

        var refused = Assert.Throws<ArgumentException>(() => writes.Run(new SqlStatement(Insert, [new("@id", "row-1"), new("@v", 1.5)])));

        Assert.Contains("Double", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Rows());
    }

    [Fact]
    public void A_statement_given_too_few_values_is_refused_rather_than_reusing_the_last_rows()
    {
        using var writes = new SqliteWriteStatements(_connection);
        writes.Run(new SqlStatement(Insert, [new("@id", "row-1"), new("@v", "secret")]));

        var refused = Assert.Throws<ArgumentException>(() => writes.Run(new SqlStatement(Insert, [new("@id", "row-2")])));

        Assert.Contains("takes 2 parameters, not 1", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["'row-1' 'secret'"], Rows());
    }

    [Fact]
    public void Text_holding_two_statements_is_refused_before_either_runs()
    {
        using var writes = new SqliteWriteStatements(_connection);

        var refused = Assert.Throws<ArgumentException>(() => writes.Run(new SqlStatement(
            "INSERT INTO t (id, v) VALUES ('a', 1); INSERT INTO t (id, v) VALUES ('b', 2)", [])));

        Assert.Contains("one statement at a time", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Rows());
    }

    [Fact]
    public void Outside_a_transaction_nothing_is_written()
    {
        _transaction.Rollback();
        using var writes = new SqliteWriteStatements(_connection);

        Assert.Throws<InvalidOperationException>(() => writes.Run(new SqlStatement(Insert, [new("@id", "row-1"), new("@v", 1)])));

        Assert.Empty(Rows());
    }

    private string Stored(string id)
    {
        using var command = Command();
        command.CommandText = "SELECT typeof(v) || ' ' || quote(v) FROM t WHERE id = @id";
        command.Parameters.AddWithValue("@id", id);
        return (string)command.ExecuteScalar()!;
    }

    private List<string> Rows()
    {
        using var command = Command();
        command.CommandText = "SELECT quote(id) || ' ' || quote(v) FROM t ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>A command in the test's transaction while it is open.</summary>
    private SqliteCommand Command()
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction.Connection is null ? null : _transaction;
        return command;
    }
}
