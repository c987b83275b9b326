using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OmniPos.Warehouse.DuckDb;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void duckdb_destroy_data_chunk(ref IntPtr chunk);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial ulong duckdb_data_chunk_get_size(DataChunkHandle chunk);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial IntPtr duckdb_data_chunk_get_vector(DataChunkHandle chunk, ulong column);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void* duckdb_vector_get_data(IntPtr vector);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial ulong* duckdb_vector_get_validity(IntPtr vector);

    /// <summary>The vector's logical type, which the caller destroys.</summary>
    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial IntPtr duckdb_vector_get_column_type(IntPtr vector);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial IntPtr duckdb_list_vector_get_child(IntPtr vector);
}
