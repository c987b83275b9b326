using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OmniPos.Warehouse.DuckDb;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(DuckDbLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int duckdb_appender_create(ConnectionHandle connection, string? schema, string table, out IntPtr appender);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial ulong duckdb_appender_column_count(AppenderHandle appender);

    /// <summary>The column's logical type, which the caller destroys.</summary>
    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial IntPtr duckdb_appender_column_type(AppenderHandle appender, ulong column);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial IntPtr duckdb_appender_error(IntPtr appender);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int duckdb_appender_flush(AppenderHandle appender);

    /// <summary>Drops the rows appended since the last flush, so destroying the appender writes nothing more.</summary>
    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int duckdb_appender_clear(IntPtr appender);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int duckdb_appender_destroy(ref IntPtr appender);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int duckdb_appender_end_row(AppenderHandle appender);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int duckdb_append_bool(AppenderHandle appender, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int duckdb_append_int64(AppenderHandle appender, long value);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int duckdb_append_double(AppenderHandle appender, double value);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int duckdb_append_varchar_length(AppenderHandle appender, byte* text, ulong length);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int duckdb_append_date(AppenderHandle appender, int days);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int duckdb_append_timestamp(AppenderHandle appender, long micros);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int duckdb_append_null(AppenderHandle appender);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int duckdb_append_value(AppenderHandle appender, IntPtr value);
}
