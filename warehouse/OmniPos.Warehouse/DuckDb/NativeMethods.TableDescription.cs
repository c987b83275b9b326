using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OmniPos.Warehouse.DuckDb;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(DuckDbLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int duckdb_table_description_create(ConnectionHandle connection, string? schema, string table, out IntPtr description);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void duckdb_table_description_destroy(ref IntPtr description);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial IntPtr duckdb_table_description_error(IntPtr description);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial ulong duckdb_table_description_get_column_count(IntPtr description);

    /// <summary>The name of column <paramref name="index"/> (from 0); the caller frees it with <c>duckdb_free</c>.</summary>
    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial IntPtr duckdb_table_description_get_column_name(IntPtr description, ulong index);
}
