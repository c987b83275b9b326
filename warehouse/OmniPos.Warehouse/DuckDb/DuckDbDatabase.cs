namespace OmniPos.Warehouse.DuckDb;

/// <summary>
/// One DuckDB database (a file, or in memory for a null path), shared by every connection of the process: DuckDB wants
/// one database object per file and one connection per thread. Closing it checkpoints the file.
/// </summary>
internal sealed class DuckDbDatabase : IDisposable
{
    private readonly DatabaseHandle _handle;

    private DuckDbDatabase(DatabaseHandle handle) => _handle = handle;

    /// <param name="path">The database file, created when missing; null for a database in memory.</param>
    /// <param name="settings">DuckDB configuration options (<c>threads</c>, <c>memory_limit</c>, …) set before it opens.</param>
    public static DuckDbDatabase Open(string? path, IReadOnlyDictionary<string, string>? settings = null)
    {
        DuckDbLibrary.EnsureResolver();
        var config = IntPtr.Zero;
        try
        {
            if (settings is { Count: > 0 })
            {
                Check(NativeMethods.duckdb_create_config(out config), "could not create a DuckDB configuration");
                foreach (var (name, value) in settings)
                {
                    Check(NativeMethods.duckdb_set_config(config, name, value), $"DuckDB does not take the setting {name} = '{value}'");
                }
            }

            if (NativeMethods.duckdb_open_ext(path, out var database, config, out var error) != NativeMethods.Success)
            {
                var message = NativeMethods.TakeText(error) ?? "unknown error";
                throw new DuckDbException($"could not open DuckDB database {path ?? "(in memory)"}: {message}");
            }

            return new DuckDbDatabase(DatabaseHandle.Of(database));
        }
        finally
        {
            if (config != IntPtr.Zero)
            {
                NativeMethods.duckdb_destroy_config(ref config);
            }
        }
    }

    public static string LibraryVersion
    {
        get
        {
            DuckDbLibrary.EnsureResolver();
            return NativeMethods.OwnedText(NativeMethods.duckdb_library_version()) ?? "";
        }
    }

    public DuckDbConnection Connect()
    {
        Check(NativeMethods.duckdb_connect(_handle, out var connection), "could not connect to the DuckDB database");
        return new DuckDbConnection(ConnectionHandle.Of(connection));
    }

    public void Dispose() => _handle.Dispose();

    private static void Check(int state, string failure)
    {
        if (state != NativeMethods.Success)
        {
            throw new DuckDbException(failure);
        }
    }
}
