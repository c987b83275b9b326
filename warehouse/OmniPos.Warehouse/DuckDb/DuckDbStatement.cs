namespace OmniPos.Warehouse.DuckDb;

/// <summary>A prepared statement. Parameters are bound by position from 1 and stay bound until bound again.</summary>
internal sealed class DuckDbStatement : IDisposable
{
    private readonly DuckDbConnection _connection;
    private readonly PreparedStatementHandle _handle;

    internal DuckDbStatement(DuckDbConnection connection, PreparedStatementHandle handle)
    {
        _connection = connection;
        _handle = handle;
        ParameterCount = (int)NativeMethods.duckdb_nparams(handle);
        ParameterNames = [.. Enumerable.Range(1, ParameterCount).Select(ParameterName)];
    }

    public int ParameterCount { get; }

    /// <summary>The parameters' names in position order: <c>from</c> for <c>$from</c>, <c>1</c> for <c>$1</c> or <c>?</c>.</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Binds the parameter written <c>$name</c> in the SQL.</summary>
    public DuckDbStatement Bind(string name, object? value) =>
        NativeMethods.duckdb_bind_parameter_index(_handle, out var index, name) == NativeMethods.Success
            ? Bind((int)index, value)
            : throw new ArgumentException($"the statement has no parameter ${name}", nameof(name));

    /// <summary>Binds one parameter: null, bool, int, long, double, decimal (exactly), string, DateOnly, DateTime, DateTimeOffset, or a list of strings or longs.</summary>
    public DuckDbStatement Bind(int position, object? value)
    {
        if (position < 1 || position > ParameterCount)
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, $"the statement has {ParameterCount} parameters");
        }

        if (value is null)
        {
            Check(NativeMethods.duckdb_bind_null(_handle, (ulong)position), position);
            return this;
        }

        var native = DuckDbValue.Create(value);
        try
        {
            Check(NativeMethods.duckdb_bind_value(_handle, (ulong)position, native), position);
        }
        finally
        {
            NativeMethods.duckdb_destroy_value(ref native);
        }

        return this;
    }

    /// <summary>Binds every parameter in order.</summary>
    public DuckDbStatement BindAll(params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            Bind(i + 1, values[i]);
        }

        return this;
    }

    public DuckDbReader Query(CancellationToken cancellationToken = default)
    {
        using var interruption = _connection.Interruptible(cancellationToken);
        var result = ResultHandle.Allocate();
        return NativeMethods.duckdb_execute_prepared(_handle, result) == NativeMethods.Success
            ? new DuckDbReader(result)
            : throw DuckDbConnection.Failure(result, cancellationToken);
    }

    public long Execute(CancellationToken cancellationToken = default)
    {
        using var reader = Query(cancellationToken);
        return reader.RowsChanged;
    }

    public void Dispose() => _handle.Dispose();

    private string ParameterName(int position) =>
        NativeMethods.TakeText(NativeMethods.duckdb_parameter_name(_handle, (ulong)position))
        ?? position.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void Check(int state, int position)
    {
        if (state != NativeMethods.Success)
        {
            var error = NativeMethods.OwnedText(NativeMethods.duckdb_prepare_error(_handle.DangerousGetHandle()));
            throw new DuckDbException($"could not bind parameter {position}{(error is null ? "" : ": " + error)}");
        }
    }
}
