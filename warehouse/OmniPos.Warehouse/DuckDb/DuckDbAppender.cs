using System.Text;

namespace OmniPos.Warehouse.DuckDb;

/// <summary>
/// Bulk loads rows into one table. Each value is checked against its column's real type (read once, when the appender
/// is made), so a value DuckDB would reinterpret is refused instead. Rows reach the table through <see cref="Complete"/>;
/// an appender disposed without it, or with a row half made, writes nothing more. DuckDB itself writes the rows every
/// 204,800 (100 chunks) as they come, though, so a larger load is all or nothing only inside a transaction
/// (<see cref="DuckDbConnection.InTransaction"/>) that the failure rolls back.
/// </summary>
internal sealed unsafe class DuckDbAppender : IDisposable
{
    private readonly AppenderHandle _handle;
    private readonly DuckDbColumnType[] _columns;
    private readonly string[] _names;
    private readonly string _table;
    private int _column;

    private DuckDbAppender(AppenderHandle handle, DuckDbColumnType[] columns, string[] names, string table)
    {
        _handle = handle;
        _columns = columns;
        _names = names;
        _table = table;
    }

    public IReadOnlyList<DuckDbColumnType> Columns => _columns;

    internal static DuckDbAppender Create(DuckDbConnection connection, string? schema, string table)
    {
        var state = NativeMethods.duckdb_appender_create(connection.Handle, schema, table, out var pointer);
        var handle = AppenderHandle.Of(pointer);
        if (state != NativeMethods.Success)
        {
            var error = NativeMethods.OwnedText(NativeMethods.duckdb_appender_error(pointer)) ?? "unknown error";
            handle.Dispose();
            throw new DuckDbException($"could not append to {table}: {error}");
        }

        try
        {
            var columns = new DuckDbColumnType[(int)NativeMethods.duckdb_appender_column_count(handle)];
            for (var i = 0; i < columns.Length; i++)
            {
                var type = NativeMethods.duckdb_appender_column_type(handle, (ulong)i);
                try
                {
                    columns[i] = DuckDbColumnType.Of(type);
                }
                finally
                {
                    NativeMethods.duckdb_destroy_logical_type(ref type);
                }
            }

            return new DuckDbAppender(handle, columns, ColumnNames(connection, schema, table, columns.Length), table);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The table's column names, so a refused value names its column, from the table's description. That lists generated
    /// columns too, which the appender skips: when the counts differ, no names (messages give the position alone).
    /// </summary>
    private static string[] ColumnNames(DuckDbConnection connection, string? schema, string table, int appended)
    {
        var state = NativeMethods.duckdb_table_description_create(connection.Handle, schema, table, out var description);
        try
        {
            if (state != NativeMethods.Success)
            {
                var error = NativeMethods.OwnedText(NativeMethods.duckdb_table_description_error(description)) ?? "unknown error";
                throw new DuckDbException($"could not append to {table}: {error}");
            }

            var count = (int)NativeMethods.duckdb_table_description_get_column_count(description);
            return count != appended ? [] : [.. Enumerable.Range(0, count).Select(i => NativeMethods.TakeText(NativeMethods.duckdb_table_description_get_column_name(description, (ulong)i)) ?? "")];
        }
        finally
        {
            NativeMethods.duckdb_table_description_destroy(ref description);
        }
    }

    public DuckDbAppender Append(bool value)
    {
        var column = Expect("a boolean", DuckDbType.Boolean);
        return Put(NativeMethods.duckdb_append_bool(_handle, value), column);
    }

    public DuckDbAppender Append(int value) => Append((long)value);

    public DuckDbAppender Append(long value)
    {
        var column = Expect("an integer", DuckDbType.BigInt, DuckDbType.Integer, DuckDbType.SmallInt, DuckDbType.TinyInt, DuckDbType.HugeInt);
        var fits = column.Id switch
        {
            DuckDbType.TinyInt => value is >= sbyte.MinValue and <= sbyte.MaxValue,
            DuckDbType.SmallInt => value is >= short.MinValue and <= short.MaxValue,
            DuckDbType.Integer => value is >= int.MinValue and <= int.MaxValue,
            _ => true,
        };
        if (!fits)
        {
            throw new OverflowException($"{value} does not fit {Where} ({column})");
        }

        return Put(NativeMethods.duckdb_append_int64(_handle, value), column);
    }

    public DuckDbAppender Append(double value)
    {
        var column = Expect("a double", DuckDbType.Double);
        return Put(NativeMethods.duckdb_append_double(_handle, value), column);
    }

    /// <summary>A decimal at the column's scale exactly; one with more places than the column keeps is refused, never rounded.</summary>
    public DuckDbAppender Append(decimal value)
    {
        var column = Expect("a decimal", DuckDbType.Decimal);
        return AppendValue(DuckDbValue.Decimal(value, column.Scale), column);
    }

    public DuckDbAppender Append(string? value)
    {
        if (value is null)
        {
            return AppendNull();
        }

        var column = Expect("text", DuckDbType.Varchar);
        var length = Encoding.UTF8.GetByteCount(value);
        var buffer = length <= 512 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(value, buffer);
        fixed (byte* start = buffer)
        {
            return Put(NativeMethods.duckdb_append_varchar_length(_handle, start, (ulong)length), column);
        }
    }

    public DuckDbAppender Append(DateOnly value)
    {
        var column = Expect("a date", DuckDbType.Date);
        return Put(NativeMethods.duckdb_append_date(_handle, DuckDbTime.Days(value)), column);
    }

    /// <summary>An instant, into a TIMESTAMP WITH TIME ZONE column (stored as UTC, whatever the session's time zone).</summary>
    public DuckDbAppender Append(DateTimeOffset value)
    {
        var column = Expect("an instant", DuckDbType.TimestampTz);
        return AppendValue(NativeMethods.duckdb_create_timestamp_tz(DuckDbTime.Micros(value)), column);
    }

    /// <summary>A local date and time, into a TIMESTAMP column, as it is.</summary>
    public DuckDbAppender Append(DateTime value)
    {
        var column = Expect("a timestamp", DuckDbType.Timestamp);
        return Put(NativeMethods.duckdb_append_timestamp(_handle, DuckDbTime.Micros(value)), column);
    }

    public DuckDbAppender Append(int? value) => value is { } v ? Append(v) : AppendNull();

    public DuckDbAppender Append(decimal? value) => value is { } v ? Append(v) : AppendNull();

    /// <summary>A list of text, into a VARCHAR[] column.</summary>
    public DuckDbAppender Append(IReadOnlyList<string> values)
    {
        var column = Expect("a list of text", DuckDbType.List);
        if (column.Element?.Id != DuckDbType.Varchar)
        {
            throw new InvalidCastException($"{Where} is {column}; a list of text cannot be appended to it");
        }

        return AppendValue(DuckDbValue.Create(values), column);
    }

    public DuckDbAppender AppendNull()
    {
        var column = Current();
        return Put(NativeMethods.duckdb_append_null(_handle), column);
    }

    public void EndRow()
    {
        if (_column != _columns.Length)
        {
            throw new InvalidOperationException($"a row of {_table} has {_columns.Length} columns; {_column} were given");
        }

        Check(NativeMethods.duckdb_appender_end_row(_handle), $"end a row of {_table}");
        _column = 0;
    }

    /// <summary>Writes the rows to the table; the appender is finished afterwards.</summary>
    public void Complete()
    {
        if (_column != 0)
        {
            throw new InvalidOperationException($"the last row of {_table} is incomplete ({_column} of {_columns.Length} columns)");
        }

        Check(NativeMethods.duckdb_appender_flush(_handle), $"write the rows to {_table}");
        _handle.Completed = true;
        _handle.Dispose();
    }

    public void Dispose() => _handle.Dispose();

    /// <summary>Which column the next value goes to, by position and name, for messages.</summary>
    private string Where => _names.Length > 0 ? $"column {_column + 1} ({_names[_column]}) of {_table}" : $"column {_column + 1} of {_table}";

    private DuckDbColumnType Current() => _column < _columns.Length
        ? _columns[_column]
        : throw new InvalidOperationException($"the row already has all {_columns.Length} columns of {_table}");

    private DuckDbColumnType Expect(string what, params ReadOnlySpan<DuckDbType> accepted)
    {
        var column = Current();
        return accepted.Contains(column.Id)
            ? column
            : throw new InvalidCastException($"{Where} is {column}; {what} cannot be appended to it");
    }

    /// <summary>Appends a value made for the column and destroys it.</summary>
    private DuckDbAppender AppendValue(IntPtr native, DuckDbColumnType column)
    {
        try
        {
            return Put(NativeMethods.duckdb_append_value(_handle, native), column);
        }
        finally
        {
            NativeMethods.duckdb_destroy_value(ref native);
        }
    }

    private DuckDbAppender Put(int state, DuckDbColumnType column)
    {
        Check(state, $"append a {column} value to {Where}");
        _column++;
        return this;
    }

    private void Check(int state, string action)
    {
        if (state != NativeMethods.Success)
        {
            var error = NativeMethods.OwnedText(NativeMethods.duckdb_appender_error(_handle.DangerousGetHandle())) ?? "unknown error";
            throw new DuckDbException($"could not {action}: {error}");
        }
    }
}
