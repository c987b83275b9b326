using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OmniPos.Warehouse.DuckDb;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(DuckDbLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int duckdb_query(ConnectionHandle connection, string query, ResultHandle result);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void duckdb_destroy_result(IntPtr result);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial IntPtr duckdb_result_error(ResultHandle result);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial ulong duckdb_column_count(ResultHandle result);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial IntPtr duckdb_column_name(ResultHandle result, ulong column);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial ulong duckdb_rows_changed(ResultHandle result);

    /// <summary>Takes the result struct by value, as the C API does; null at the end of the result or on an error.</summary>
    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial IntPtr duckdb_fetch_chunk(ResultStruct result);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void duckdb_interrupt(ConnectionHandle connection);

    /// <summary>The C <c>duckdb_result</c>: six pointer-sized fields, passed by value to <c>duckdb_fetch_chunk</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct ResultStruct
    {
        public ulong ColumnCount;
        public ulong RowCount;
        public ulong RowsChanged;
        public IntPtr Columns;
        public IntPtr ErrorMessage;
        public IntPtr InternalData;
    }
}
