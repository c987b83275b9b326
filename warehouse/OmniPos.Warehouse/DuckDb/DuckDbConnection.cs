namespace OmniPos.Warehouse.DuckDb;

/// <summary>A connection, used by one thread at a time. A cancelled token interrupts the statement it runs.</summary>
internal sealed class DuckDbConnection : IDisposable
{
    internal DuckDbConnection(ConnectionHandle handle) => Handle = handle;

    internal ConnectionHandle Handle { get; }

    /// <summary>Runs SQL (several statements may be given) and discards any result; answers the rows the last one changed.</summary>
    public long Execute(string sql, CancellationToken cancellationToken = default)
    {
        using var reader = Query(sql, cancellationToken);
        return reader.RowsChanged;
    }

    /// <summary>Runs SQL and returns its result; the caller disposes it.</summary>
    public DuckDbReader Query(string sql, CancellationToken cancellationToken = default)
    {
        using var interruption = Interruptible(cancellationToken);
        var result = ResultHandle.Allocate();
        return NativeMethods.duckdb_query(Handle, sql, result) == NativeMethods.Success
            ? new DuckDbReader(result)
            : throw Failure(result, cancellationToken);
    }

    /// <summary>A prepared statement with <c>$1</c> or <c>?</c> parameters, bound by position from 1.</summary>
    public DuckDbStatement Prepare(string sql)
    {
        var state = NativeMethods.duckdb_prepare(Handle, sql, out var pointer);
        var statement = PreparedStatementHandle.Of(pointer);
        if (state != NativeMethods.Success)
        {
            var error = NativeMethods.OwnedText(NativeMethods.duckdb_prepare_error(pointer)) ?? "unknown error";
            statement.Dispose();
            throw new DuckDbException(error);
        }

        return new DuckDbStatement(this, statement);
    }

    /// <summary>A bulk loader into <paramref name="table"/>; rows reach it when <see cref="DuckDbAppender.Complete"/> is called (up to DuckDB's own flushes, see there).</summary>
    public DuckDbAppender CreateAppender(string table, string? schema = null) => DuckDbAppender.Create(this, schema, table);

    /// <summary>Runs <paramref name="work"/> in a transaction: committed when it returns, rolled back when it throws.</summary>
    public T InTransaction<T>(Func<T> work)
    {
        Execute("BEGIN TRANSACTION");
        try
        {
            var result = work();
            Execute("COMMIT");
            return result;
        }
        catch
        {
            Execute("ROLLBACK");
            throw;
        }
    }

    public void Dispose() => Handle.Dispose();

    /// <summary>
    /// Interrupts the statement about to run when the token is cancelled. A token cancelled already throws here instead:
    /// DuckDB forgets an interrupt that comes before the statement starts, and would run it to the end.
    /// </summary>
    internal CancellationTokenRegistration Interruptible(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return cancellationToken.Register(() => NativeMethods.duckdb_interrupt(Handle));
    }

    internal static Exception Failure(ResultHandle result, CancellationToken cancellationToken)
    {
        var error = NativeMethods.OwnedText(NativeMethods.duckdb_result_error(result)) ?? "unknown error";
        result.Dispose();
        return cancellationToken.IsCancellationRequested ? new OperationCanceledException(error, cancellationToken) : new DuckDbException(error);
    }
}
