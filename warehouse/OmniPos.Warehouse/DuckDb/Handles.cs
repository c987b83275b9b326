using System.Runtime.InteropServices;

namespace OmniPos.Warehouse.DuckDb;

/// <summary>A DuckDB object released by its C destroy function however its owner is left (Dispose, exception, finalizer).</summary>
internal abstract class DuckDbHandle() : SafeHandle(IntPtr.Zero, ownsHandle: true)
{
    public override bool IsInvalid => handle == IntPtr.Zero;

    protected static T Own<T>(T owner, IntPtr pointer) where T : DuckDbHandle
    {
        owner.SetHandle(pointer);
        return owner;
    }
}

internal sealed class DatabaseHandle : DuckDbHandle
{
    public static DatabaseHandle Of(IntPtr pointer) => Own(new DatabaseHandle(), pointer);

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_close(ref handle);
        return true;
    }
}

internal sealed class ConnectionHandle : DuckDbHandle
{
    public static ConnectionHandle Of(IntPtr pointer) => Own(new ConnectionHandle(), pointer);

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_disconnect(ref handle);
        return true;
    }
}

internal sealed class PreparedStatementHandle : DuckDbHandle
{
    public static PreparedStatementHandle Of(IntPtr pointer) => Own(new PreparedStatementHandle(), pointer);

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_destroy_prepare(ref handle);
        return true;
    }
}

/// <summary>
/// Dropping an appender without <see cref="DuckDbAppender.Complete"/> clears it first: DuckDB's destroy flushes, and
/// rows of a failed load must not reach the table (those DuckDB flushed on its own already did; see
/// <see cref="DuckDbAppender"/>).
/// </summary>
internal sealed class AppenderHandle : DuckDbHandle
{
    public static AppenderHandle Of(IntPtr pointer) => Own(new AppenderHandle(), pointer);

    public bool Completed { get; set; }

    protected override bool ReleaseHandle()
    {
        var cleared = Completed || NativeMethods.duckdb_appender_clear(handle) == NativeMethods.Success;
        return NativeMethods.duckdb_appender_destroy(ref handle) == NativeMethods.Success && cleared;
    }
}

internal sealed class DataChunkHandle : DuckDbHandle
{
    public static DataChunkHandle Of(IntPtr pointer) => Own(new DataChunkHandle(), pointer);

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_destroy_data_chunk(ref handle);
        return true;
    }
}

/// <summary>
/// A <c>duckdb_result</c> in memory of its own, so the struct is never copied by a <c>using</c> and is destroyed exactly
/// once, whether or not the query succeeded (DuckDB requires both).
/// </summary>
internal sealed unsafe class ResultHandle : DuckDbHandle
{
    public static ResultHandle Allocate() =>
        Own(new ResultHandle(), (IntPtr)NativeMemory.AllocZeroed((nuint)sizeof(NativeMethods.ResultStruct)));

    public NativeMethods.ResultStruct Value => *(NativeMethods.ResultStruct*)handle;

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_destroy_result(handle);
        NativeMemory.Free((void*)handle);
        return true;
    }
}
