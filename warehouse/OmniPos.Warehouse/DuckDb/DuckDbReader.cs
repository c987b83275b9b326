namespace OmniPos.Warehouse.DuckDb;

/// <summary>
/// A query's result, read row by row over DuckDB's data chunks. <c>duckdb_query</c> and <c>duckdb_execute_prepared</c>
/// run the statement to its end before they return, so the whole result is in DuckDB's memory and a failure in any row
/// throws from the query itself; should fetching a chunk fail all the same, <see cref="Read"/> throws: a failure never
/// looks like the end of the result.
/// </summary>
internal sealed class DuckDbReader : IDisposable
{
    private readonly ResultHandle _result;
    private DataChunkHandle? _chunk;
    private DuckDbVector[] _vectors = [];
    private int _chunkSize;
    private int _row = -1;

    internal DuckDbReader(ResultHandle result)
    {
        _result = result;
        var count = (int)NativeMethods.duckdb_column_count(result);
        ColumnNames = [.. Enumerable.Range(0, count).Select(i => NativeMethods.OwnedText(NativeMethods.duckdb_column_name(result, (ulong)i)) ?? "")];
        RowsChanged = (long)NativeMethods.duckdb_rows_changed(result);
    }

    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>Rows an INSERT, UPDATE or DELETE changed.</summary>
    public long RowsChanged { get; }

    /// <summary>Moves to the next row; false at the end of the result.</summary>
    public bool Read()
    {
        _row++;
        while (_row >= _chunkSize)
        {
            if (!NextChunk())
            {
                return false;
            }
        }

        return true;
    }

    public bool IsNull(int column) => Column(column).IsNull(_row);

    public bool GetBoolean(int column) => Column(column).GetBoolean(_row);

    public int GetInt32(int column) => checked((int)Column(column).GetInt64(_row));

    public long GetInt64(int column) => Column(column).GetInt64(_row);

    public double GetDouble(int column) => Column(column).GetDouble(_row);

    public decimal GetDecimal(int column) => Column(column).GetDecimal(_row);

    public string GetString(int column) => Column(column).GetString(_row);

    public string? GetStringOrNull(int column) => IsNull(column) ? null : GetString(column);

    public DateOnly GetDate(int column) => Column(column).GetDate(_row);

    public DateTime GetTimestamp(int column) => Column(column).GetTimestamp(_row);

    public IReadOnlyList<T> GetList<T>(int column, Func<DuckDbVector, int, T> element) => Column(column).GetList(_row, element);

    public object? GetValue(int column) => Column(column).GetValue(_row);

    public DuckDbColumnType GetColumnType(int column) => _vectors.Length > column
        ? _vectors[column].Type
        : throw new InvalidOperationException("column types are known once a row has been read");

    /// <summary>Every row, made by <paramref name="map"/> from the reader positioned on it.</summary>
    public List<T> ReadAll<T>(Func<DuckDbReader, T> map)
    {
        var rows = new List<T>();
        while (Read())
        {
            rows.Add(map(this));
        }

        return rows;
    }

    public void Dispose()
    {
        _chunk?.Dispose();
        _result.Dispose();
    }

    /// <summary>The column's vector in the current chunk; off a row its pointers may point into a chunk already destroyed.</summary>
    private DuckDbVector Column(int column) => _row >= 0 && _row < _chunkSize
        ? _vectors[column]
        : throw new InvalidOperationException("the reader is not on a row: call Read first, and not after it returned false");

    private bool NextChunk()
    {
        _chunk?.Dispose();
        _chunk = null;
        var pointer = NativeMethods.duckdb_fetch_chunk(_result.Value);
        if (pointer == IntPtr.Zero)
        {
            _chunkSize = 0;
            var error = NativeMethods.OwnedText(NativeMethods.duckdb_result_error(_result));
            return error is null ? false : throw new DuckDbException(error);
        }

        _chunk = DataChunkHandle.Of(pointer);
        _chunkSize = (int)NativeMethods.duckdb_data_chunk_get_size(_chunk);
        _vectors = new DuckDbVector[ColumnNames.Count];
        for (var i = 0; i < _vectors.Length; i++)
        {
            _vectors[i] = DuckDbVector.Of(NativeMethods.duckdb_data_chunk_get_vector(_chunk, (ulong)i));
        }

        _row = 0;
        return true;
    }
}
