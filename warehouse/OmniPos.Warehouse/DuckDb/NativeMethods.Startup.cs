using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OmniPos.Warehouse.DuckDb;

/// <summary>The DuckDB C API (duckdb.h) as this binding uses it, split by the header's sections.</summary>
/// <remarks>
/// Strings DuckDB returns are owned by DuckDB and never freed here (<see cref="OwnedText"/>), except those the header
/// hands to the caller (an error from <c>duckdb_open_ext</c>, a parameter's or a column's name), which
/// <see cref="TakeText"/> frees with <c>duckdb_free</c>. A C <c>bool</c> is one byte.
/// </remarks>
internal static unsafe partial class NativeMethods
{
    public const int Success = 0;

    [LibraryImport(DuckDbLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int duckdb_open_ext(string? path, out IntPtr database, IntPtr config, out IntPtr error);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void duckdb_close(ref IntPtr database);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int duckdb_connect(DatabaseHandle database, out IntPtr connection);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void duckdb_disconnect(ref IntPtr connection);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int duckdb_create_config(out IntPtr config);

    [LibraryImport(DuckDbLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int duckdb_set_config(IntPtr config, string name, string option);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void duckdb_destroy_config(ref IntPtr config);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void duckdb_free(IntPtr pointer);

    [LibraryImport(DuckDbLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial IntPtr duckdb_library_version();

    /// <summary>A string DuckDB owns, or null for a null pointer.</summary>
    public static string? OwnedText(IntPtr text) => text == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(text);

    /// <summary>A string DuckDB handed over (null for a null pointer), freed here once it is copied.</summary>
    public static string? TakeText(IntPtr text)
    {
        try
        {
            return OwnedText(text);
        }
        finally
        {
            duckdb_free(text);
        }
    }
}
