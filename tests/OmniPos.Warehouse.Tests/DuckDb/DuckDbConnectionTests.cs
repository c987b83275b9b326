using OmniPos.Warehouse.DuckDb;

namespace OmniPos.Warehouse.Tests.DuckDb;

public sealed class DuckDbConnectionTests : IDisposable
{
    /// <summary>
    /// Counting 50 billion rows takes DuckDB some 15 s here. The tests cancel after 100 ms, but a token's timer runs on the
    /// thread pool, which a test host busy with DuckDB's threads has been seen to keep waiting for seconds: the query must
    /// outlast that.
    /// </summary>
    private const string LongQuery = "SELECT count(*) FROM range(50000000000)";

    private readonly MemoryDatabase _db = new();

    [Fact]
    public void Execute_answers_the_rows_the_last_statement_changed()
    {
        _db.Connection.Execute("CREATE TABLE t(i INTEGER)");

        Assert.Equal(5, _db.Connection.Execute("INSERT INTO t SELECT * FROM range(5)"));
        Assert.Equal(2, _db.Connection.Execute("UPDATE t SET i = -i WHERE i >= 3"));
        Assert.Equal(1, _db.Connection.Execute("DELETE FROM t WHERE i = 0; DELETE FROM t WHERE i = -4"));
        Assert.Equal([-3L, 1L, 2L], _db.Rows("SELECT i FROM t ORDER BY i", r => r.GetInt64(0)));
    }

    [Fact]
    public void A_missing_table_fails_with_DuckDBs_message_from_every_entry()
    {
        const string message = "Table with name nope does not exist";

        Assert.Contains(message, Assert.Throws<DuckDbException>(() => _db.Connection.Query("SELECT * FROM nope")).Message, StringComparison.Ordinal);
        Assert.Contains(message, Assert.Throws<DuckDbException>(() => _db.Connection.Execute("DELETE FROM nope")).Message, StringComparison.Ordinal);
        Assert.Contains(message, Assert.Throws<DuckDbException>(() => _db.Connection.Prepare("SELECT * FROM nope WHERE x = ?")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_in_a_prepared_statement_carries_DuckDBs_message()
    {
        var failure = Assert.Throws<DuckDbException>(() => _db.Connection.Prepare("SELEC ?"));

        Assert.Contains("syntax error at or near \"SELEC\"", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_connection_works_on_after_a_failed_statement()
    {
        Assert.Throws<DuckDbException>(() => _db.Connection.Execute("SELECT * FROM nope"));

        Assert.Equal(42L, _db.Scalar("SELECT 42::BIGINT"));
    }

    [Fact]
    public void InTransaction_commits_what_the_work_wrote()
    {
        _db.Connection.Execute("CREATE TABLE t(i INTEGER)");
        using var other = _db.Database.Connect();

        var changed = _db.Connection.InTransaction(() => _db.Connection.Execute("INSERT INTO t VALUES (1), (2)"));

        Assert.Equal(2, changed);
        Assert.Equal(2, MemoryDatabase.Count(other, "t"));
    }

    [Fact]
    public void InTransaction_rolls_back_when_the_work_throws()
    {
        _db.Connection.Execute("CREATE TABLE t(i INTEGER); INSERT INTO t VALUES (1)");

        Assert.Throws<InvalidOperationException>(() => _db.Connection.InTransaction<int>(() =>
        {
            _db.Connection.Execute("INSERT INTO t VALUES (2), (3)");
            throw new InvalidOperationException("the work failed");
        }));

        Assert.Equal(1, _db.Count("t"));
    }

    [Fact]
    public void A_token_cancelled_while_a_query_runs_interrupts_it()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.ThrowsAny<OperationCanceledException>(() => _db.Connection.Query(LongQuery, cancellation.Token).Dispose());
        Assert.Equal(42L, _db.Scalar("SELECT 42::BIGINT"));
    }

    [Fact]
    public void A_token_cancelled_while_a_prepared_statement_runs_interrupts_it()
    {
        using var statement = _db.Connection.Prepare("SELECT count(*) FROM range(?)");
        statement.Bind(1, 50_000_000_000L);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.ThrowsAny<OperationCanceledException>(() => statement.Query(cancellation.Token).Dispose());
        Assert.Equal(42L, _db.Scalar("SELECT 42::BIGINT"));
    }

    /// <summary>DuckDB forgets an interrupt that comes before a statement starts: the binding must not start it.</summary>
    [Fact]
    public void A_token_cancelled_before_the_query_stops_it_from_starting()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => _db.Connection.Query(LongQuery, cancellation.Token).Dispose());
        Assert.ThrowsAny<OperationCanceledException>(() => _db.Connection.Execute(LongQuery, cancellation.Token));
    }

    public void Dispose() => _db.Dispose();
}
