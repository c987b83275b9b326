using System.Text;

namespace OmniPos.Warehouse.DuckDb;

/// <summary>
/// Turns .NET values into DuckDB values (<c>duckdb_value</c>) for parameters and appended cells. The caller destroys
/// what <see cref="Create"/> returns. Decimals keep every digit: a value is never rounded to fit.
/// </summary>
internal static unsafe class DuckDbValue
{
    private const int MaxDecimalWidth = 38;

    private static readonly Int128[] PowersOfTen = [.. Enumerable.Range(0, MaxDecimalWidth + 1).Select(e => Enumerable.Repeat((Int128)10, e).Aggregate((Int128)1, (p, ten) => p * ten))];

    public static IntPtr Create(object value) => value switch
    {
        bool b => NativeMethods.duckdb_create_bool(b),
        int i => NativeMethods.duckdb_create_int64(i),
        long l => NativeMethods.duckdb_create_int64(l),
        double d => NativeMethods.duckdb_create_double(d),
        decimal m => Decimal(m, (byte)m.Scale),
        string s => Text(s),
        DateOnly d => NativeMethods.duckdb_create_date(DuckDbTime.Days(d)),
        DateTimeOffset t => NativeMethods.duckdb_create_timestamp_tz(DuckDbTime.Micros(t)),
        DateTime t => NativeMethods.duckdb_create_timestamp(DuckDbTime.Micros(t)),
        IEnumerable<string> list => List(DuckDbType.Varchar, [.. list]),
        IEnumerable<long> list => List(DuckDbType.BigInt, [.. list.Cast<object>()]),
        _ => throw new ArgumentException($"DuckDB values of type {value.GetType().Name} are not supported", nameof(value)),
    };

    /// <summary>The decimal at exactly <paramref name="scale"/> places; more significant places than that are an error.</summary>
    public static IntPtr Decimal(decimal value, byte scale)
    {
        var unscaled = Unscaled(value, scale);
        return NativeMethods.duckdb_create_decimal(new NativeMethods.DecimalStruct
        {
            Width = MaxDecimalWidth,
            Scale = scale,
            Lower = (ulong)(unscaled & ulong.MaxValue),
            Upper = (long)(unscaled >> 64),
        });
    }

    /// <summary>
    /// The decimal's digits at exactly <paramref name="scale"/> places, from its own 96-bit digits and scale (no decimal
    /// arithmetic); more significant places than that are an error, trailing zeros past it are not.
    /// </summary>
    public static Int128 Unscaled(decimal value, byte scale)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var digits = (Int128)(((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0]);
        var places = value.Scale;
        if (places > scale)
        {
            var divisor = PowerOfTen(places - scale);
            if (digits % divisor != 0)
            {
                throw new ArgumentException($"{value} has more than {scale} decimal places", nameof(value));
            }

            digits /= divisor;
        }
        else
        {
            digits *= PowerOfTen(scale - places);
        }

        return value < 0 ? -digits : digits;
    }

    /// <summary>10 to the <paramref name="exponent"/>, up to 38 (the widest decimal DuckDB has).</summary>
    public static Int128 PowerOfTen(int exponent) => PowersOfTen[exponent];

    private static IntPtr Text(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        fixed (byte* start = bytes)
        {
            return NativeMethods.duckdb_create_varchar_length(start, (ulong)bytes.Length);
        }
    }

    private static IntPtr List(DuckDbType childType, object[] items)
    {
        // DuckDB makes no list at all from a null array, and an empty .NET array pins as null: one unused slot keeps it real.
        var values = new IntPtr[Math.Max(items.Length, 1)];
        var type = NativeMethods.duckdb_create_logical_type(childType);
        try
        {
            for (var i = 0; i < items.Length; i++)
            {
                values[i] = Create(items[i]);
            }

            fixed (IntPtr* start = values)
            {
                return NativeMethods.duckdb_create_list_value(type, start, (ulong)items.Length);
            }
        }
        finally
        {
            for (var i = 0; i < values.Length; i++)
            {
                NativeMethods.duckdb_destroy_value(ref values[i]);
            }

            NativeMethods.duckdb_destroy_logical_type(ref type);
        }
    }
}
