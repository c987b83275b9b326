using System.Runtime.InteropServices;
using System.Text;

namespace OmniPos.Warehouse.DuckDb;

/// <summary>
/// One column of one data chunk, read in place. Its pointers belong to the chunk and are read again for every chunk;
/// a value read from it (strings included) is copied out, so nothing outlives the chunk.
/// </summary>
internal sealed unsafe class DuckDbVector
{
    private const int InlineStringLength = 12;

    private readonly void* _data;
    private readonly ulong* _validity;
    private readonly DuckDbVector? _child;

    private DuckDbVector(IntPtr vector, DuckDbColumnType type)
    {
        Type = type;
        _data = NativeMethods.duckdb_vector_get_data(vector);
        _validity = NativeMethods.duckdb_vector_get_validity(vector);
        if (type.Id == DuckDbType.List)
        {
            _child = new DuckDbVector(NativeMethods.duckdb_list_vector_get_child(vector), type.Element!);
        }
    }

    public DuckDbColumnType Type { get; }

    public static DuckDbVector Of(IntPtr vector)
    {
        var logicalType = NativeMethods.duckdb_vector_get_column_type(vector);
        try
        {
            return new DuckDbVector(vector, DuckDbColumnType.Of(logicalType));
        }
        finally
        {
            NativeMethods.duckdb_destroy_logical_type(ref logicalType);
        }
    }

    public bool IsNull(int row) => _validity is not null && (_validity[row >> 6] & (1UL << (row & 63))) == 0;

    public bool GetBoolean(int row) => Type.Id == DuckDbType.Boolean ? ((byte*)_data)[row] != 0 : throw Mismatch("a boolean");

    public long GetInt64(int row) => Type.Id switch
    {
        DuckDbType.TinyInt => ((sbyte*)_data)[row],
        DuckDbType.SmallInt => ((short*)_data)[row],
        DuckDbType.Integer => ((int*)_data)[row],
        DuckDbType.BigInt => ((long*)_data)[row],
        DuckDbType.UTinyInt => ((byte*)_data)[row],
        DuckDbType.USmallInt => ((ushort*)_data)[row],
        DuckDbType.UInteger => ((uint*)_data)[row],
        DuckDbType.UBigInt => checked((long)((ulong*)_data)[row]),
        DuckDbType.HugeInt => checked((long)((Int128*)_data)[row]),
        _ => throw Mismatch("an integer"),
    };

    public double GetDouble(int row) => Type.Id switch
    {
        DuckDbType.Double => ((double*)_data)[row],
        DuckDbType.Float => ((float*)_data)[row],
        DuckDbType.Decimal => (double)GetDecimal(row),
        _ => GetInt64(row),
    };

    /// <summary>A DECIMAL exactly, at its scale; integers too.</summary>
    public decimal GetDecimal(int row)
    {
        if (Type.Id != DuckDbType.Decimal)
        {
            return Type.Id is DuckDbType.Double or DuckDbType.Float ? throw Mismatch("an exact number") : GetInt64(row);
        }

        Int128 unscaled = Type.DecimalStorage switch
        {
            DuckDbType.SmallInt => ((short*)_data)[row],
            DuckDbType.Integer => ((int*)_data)[row],
            DuckDbType.BigInt => ((long*)_data)[row],
            _ => ((Int128*)_data)[row],
        };
        return Exact(unscaled, Type.Scale);
    }

    public string GetString(int row)
    {
        if (Type.Id != DuckDbType.Varchar)
        {
            throw Mismatch("text");
        }

        var entry = (byte*)_data + row * 16;
        var length = *(int*)entry;
        var bytes = length <= InlineStringLength ? entry + 4 : *(byte**)(entry + 8);
        return Encoding.UTF8.GetString(bytes, length);
    }

    public DateOnly GetDate(int row) => Type.Id == DuckDbType.Date ? DuckDbTime.Date(((int*)_data)[row]) : throw Mismatch("a date");

    /// <summary>A TIMESTAMP as it is stored, or a TIMESTAMP WITH TIME ZONE as its UTC instant; the kind is UTC either way.</summary>
    public DateTime GetTimestamp(int row) => Type.Id is DuckDbType.Timestamp or DuckDbType.TimestampTz
        ? DuckDbTime.Timestamp(((long*)_data)[row])
        : throw Mismatch("a timestamp");

    public IReadOnlyList<T> GetList<T>(int row, Func<DuckDbVector, int, T> element)
    {
        if (_child is null)
        {
            throw Mismatch("a list");
        }

        var entry = ((ListEntry*)_data)[row];
        var items = new T[checked((int)entry.Length)];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = element(_child, checked((int)entry.Offset) + i);
        }

        return items;
    }

    /// <summary>The value as the .NET type its column type reads as; null for SQL NULL.</summary>
    public object? GetValue(int row)
    {
        if (IsNull(row))
        {
            return null;
        }

        return Type.Id switch
        {
            DuckDbType.Boolean => GetBoolean(row),
            DuckDbType.Float or DuckDbType.Double => GetDouble(row),
            DuckDbType.Decimal => GetDecimal(row),
            DuckDbType.Varchar => GetString(row),
            DuckDbType.Date => GetDate(row),
            DuckDbType.Timestamp or DuckDbType.TimestampTz => GetTimestamp(row),
            DuckDbType.List => GetList(row, static (child, i) => child.GetValue(i)),
            _ => GetInt64(row),
        };
    }

    private static decimal Exact(Int128 unscaled, byte scale)
    {
        var negative = unscaled < 0;
        var magnitude = (UInt128)(negative ? -unscaled : unscaled);
        if (scale > 28 || magnitude >> 96 != 0)
        {
            throw new OverflowException($"a DECIMAL with {scale} places and unscaled value {unscaled} does not fit System.Decimal");
        }

        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, scale);
    }

    private InvalidCastException Mismatch(string wanted) => new($"the column is {Type}, not {wanted}");

    [StructLayout(LayoutKind.Sequential)]
    private struct ListEntry
    {
        public ulong Offset;
        public ulong Length;
    }
}
