using System.Text;

namespace OmniPos.Warehouse.DuckDb;

/// <summary>
/// Bulk loads rows into one table. Each value is checked against its column's real type (read once, when the appender
/// is made), so a value DuckDB would reinterpret is refused instead. Values are written straight into the memory of a
/// data chunk of the table's types, which goes to DuckDB's appender whole when it is full: one call per 2,048 rows
/// instead of one per value. Rows reach the table through <see cref="Complete"/>; an appender disposed without it, or
/// with a row half made, writes nothing more. DuckDB itself writes the rows every 204,800 (100 chunks) as they come,
/// though, so a larger load is all or nothing only inside a transaction (<see cref="DuckDbConnection.InTransaction"/>)
/// that the failure rolls back.
/// </summary>
internal sealed unsafe class DuckDbAppender : IDisposable
{
    /// <summary>DuckDB stores text of up to 12 bytes inside its <c>duckdb_string_t</c>, longer text in the vector's heap.</summary>
    private const int InlinedText = 12;

    private readonly AppenderHandle _handle;
    private readonly DuckDbColumnType[] _columns;
    private readonly string[] _names;
    private readonly string _table;
    private readonly DataChunkHandle _chunk;
    private readonly int _capacity;
    private readonly IntPtr[] _vectors;
    private readonly byte*[] _data;
    private readonly ulong*[] _validity;
    private int _row;
    private int _column;

    private DuckDbAppender(AppenderHandle handle, DuckDbColumnType[] columns, string[] names, string table, DataChunkHandle chunk)
    {
        _handle = handle;
        _columns = columns;
        _names = names;
        _table = table;
        _chunk = chunk;
        _capacity = (int)NativeMethods.duckdb_vector_size();
        _vectors = new IntPtr[columns.Length];
        _data = new byte*[columns.Length];
        _validity = new ulong*[columns.Length];
        LocateVectors();
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

        var types = new IntPtr[(int)NativeMethods.duckdb_appender_column_count(handle)];
        try
        {
            var columns = new DuckDbColumnType[types.Length];
            for (var i = 0; i < types.Length; i++)
            {
                types[i] = NativeMethods.duckdb_appender_column_type(handle, (ulong)i);
                columns[i] = DuckDbColumnType.Of(types[i]);
            }

            fixed (IntPtr* start = types)
            {
                var chunk = DataChunkHandle.Of(NativeMethods.duckdb_create_data_chunk(start, (ulong)types.Length));
                return new DuckDbAppender(handle, columns, ColumnNames(connection, schema, table, columns.Length), table, chunk);
            }
        }
        catch
        {
            handle.Dispose();
            throw;
        }
        finally
        {
            for (var i = 0; i < types.Length; i++)
            {
                NativeMethods.duckdb_destroy_logical_type(ref types[i]);
            }
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
        Expect("a boolean", DuckDbType.Boolean);
        *(bool*)Cell(sizeof(bool)) = value;
        return Next();
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

        WriteInteger(column.Id, value);
        return Next();
    }

    public DuckDbAppender Append(double value)
    {
        Expect("a double", DuckDbType.Double);
        *(double*)Cell(sizeof(double)) = value;
        return Next();
    }

    /// <summary>A decimal at the column's scale exactly; one with more places than the column keeps is refused, never rounded.</summary>
    public DuckDbAppender Append(decimal value)
    {
        var column = Expect("a decimal", DuckDbType.Decimal);
        var unscaled = DuckDbValue.Unscaled(value, column.Scale);
        if (column.DecimalStorage == DuckDbType.HugeInt)
        {
            *(Int128*)Cell(sizeof(Int128)) = unscaled;
        }
        else
        {
            // The column's width bounds what its storage holds; DuckDB checks nothing appended as a chunk.
            if (Int128.Abs(unscaled) >= DuckDbValue.PowerOfTen(column.Width))
            {
                throw new OverflowException($"{value} does not fit {Where} ({column})");
            }

            WriteInteger(column.DecimalStorage, (long)unscaled);
        }

        return Next();
    }

    public DuckDbAppender Append(string? value)
    {
        if (value is null)
        {
            return AppendNull();
        }

        Expect("text", DuckDbType.Varchar);
        var length = Encoding.UTF8.GetByteCount(value);
        var buffer = length <= 512 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(value, buffer);
        WriteText(_vectors[_column], _data[_column], _row, buffer);
        return Next();
    }

    public DuckDbAppender Append(DateOnly value)
    {
        Expect("a date", DuckDbType.Date);
        *(int*)Cell(sizeof(int)) = DuckDbTime.Days(value);
        return Next();
    }

    /// <summary>An instant, into a TIMESTAMP WITH TIME ZONE column (stored as UTC, whatever the session's time zone).</summary>
    public DuckDbAppender Append(DateTimeOffset value)
    {
        Expect("an instant", DuckDbType.TimestampTz);
        *(long*)Cell(sizeof(long)) = DuckDbTime.Micros(value);
        return Next();
    }

    /// <summary>A local date and time, into a TIMESTAMP column, as it is.</summary>
    public DuckDbAppender Append(DateTime value)
    {
        Expect("a timestamp", DuckDbType.Timestamp);
        *(long*)Cell(sizeof(long)) = DuckDbTime.Micros(value);
        return Next();
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

        var vector = _vectors[_column];
        var offset = NativeMethods.duckdb_list_vector_get_size(vector);
        var size = offset + (ulong)values.Count;
        if (NativeMethods.duckdb_list_vector_reserve(vector, size) != NativeMethods.Success
            || NativeMethods.duckdb_list_vector_set_size(vector, size) != NativeMethods.Success)
        {
            throw new DuckDbException($"could not make room for a list of {values.Count} in {Where}");
        }

        var child = NativeMethods.duckdb_list_vector_get_child(vector);
        var childData = (byte*)NativeMethods.duckdb_vector_get_data(child);
        for (var i = 0; i < values.Count; i++)
        {
            WriteText(child, childData, (int)offset + i, Encoding.UTF8.GetBytes(values[i]));
        }

        var entry = (ulong*)Cell(2 * sizeof(ulong));
        entry[0] = offset;
        entry[1] = (ulong)values.Count;
        return Next();
    }

    public DuckDbAppender AppendNull()
    {
        Current();
        if (_validity[_column] is null)
        {
            NativeMethods.duckdb_vector_ensure_validity_writable(_vectors[_column]);
            _validity[_column] = NativeMethods.duckdb_vector_get_validity(_vectors[_column]);
        }

        _validity[_column][_row / 64] &= ~(1UL << (_row % 64));
        return Next();
    }

    public void EndRow()
    {
        if (_column != _columns.Length)
        {
            throw new InvalidOperationException($"a row of {_table} has {_columns.Length} columns; {_column} were given");
        }

        _column = 0;
        if (++_row == _capacity)
        {
            AppendChunk();
        }
    }

    /// <summary>Writes the rows to the table; the appender is finished afterwards.</summary>
    public void Complete()
    {
        if (_column != 0)
        {
            throw new InvalidOperationException($"the last row of {_table} is incomplete ({_column} of {_columns.Length} columns)");
        }

        if (_row > 0)
        {
            AppendChunk();
        }

        Check(NativeMethods.duckdb_appender_flush(_handle), $"write the rows to {_table}");
        _handle.Completed = true;
        Dispose();
    }

    public void Dispose()
    {
        _handle.Dispose();
        _chunk.Dispose();
    }

    /// <summary>Hands the full rows to DuckDB's appender and starts the chunk again, empty.</summary>
    private void AppendChunk()
    {
        NativeMethods.duckdb_data_chunk_set_size(_chunk, (ulong)_row);
        Check(NativeMethods.duckdb_append_data_chunk(_handle, _chunk), $"append {_row} rows to {_table}");
        NativeMethods.duckdb_data_chunk_reset(_chunk);
        _row = 0;
        LocateVectors();
    }

    /// <summary>Where each column's values go; a reset chunk may have new buffers, and every row valid again.</summary>
    private void LocateVectors()
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            _vectors[i] = NativeMethods.duckdb_data_chunk_get_vector(_chunk, (ulong)i);
            _data[i] = (byte*)NativeMethods.duckdb_vector_get_data(_vectors[i]);
            _validity[i] = null;
        }
    }

    /// <summary>
    /// Text into a <c>duckdb_string_t</c>: up to 12 bytes inline after the length (the rest zero, as DuckDB compares the
    /// whole struct), longer text copied by DuckDB into the vector's heap.
    /// </summary>
    private static void WriteText(IntPtr vector, byte* data, int row, ReadOnlySpan<byte> text)
    {
        if (text.Length > InlinedText)
        {
            fixed (byte* start = text)
            {
                NativeMethods.duckdb_vector_assign_string_element_len(vector, (ulong)row, start, (ulong)text.Length);
            }

            return;
        }

        var cell = new Span<byte>(data + (row * 16), 16);
        cell.Clear();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(cell, (uint)text.Length);
        text.CopyTo(cell[4..]);
    }

    private void WriteInteger(DuckDbType storage, long value)
    {
        switch (storage)
        {
            case DuckDbType.TinyInt:
                *(sbyte*)Cell(sizeof(sbyte)) = (sbyte)value;
                break;
            case DuckDbType.SmallInt:
                *(short*)Cell(sizeof(short)) = (short)value;
                break;
            case DuckDbType.Integer:
                *(int*)Cell(sizeof(int)) = (int)value;
                break;
            case DuckDbType.HugeInt:
                *(Int128*)Cell(sizeof(Int128)) = value;
                break;
            default:
                *(long*)Cell(sizeof(long)) = value;
                break;
        }
    }

    /// <summary>The current row's cell of the current column, for a value of <paramref name="size"/> bytes.</summary>
    private byte* Cell(int size) => _data[_column] + ((long)_row * size);

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

    private DuckDbAppender Next()
    {
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
