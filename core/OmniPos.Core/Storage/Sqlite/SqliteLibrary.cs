using SQLitePCL;

namespace OmniPos.Core.Storage.Sqlite;

/// <summary>
/// Process-wide settings of the SQLite library, which it takes only before it first initializes: multi-thread mode (a
/// connection takes no mutex of its own on every call; each connection here is used by one thread at a time, as
/// Microsoft.Data.Sqlite requires anyway) and no memory statistics (every allocation took a global mutex to count
/// itself). The writer makes about a hundred calls and as many allocations per event; measured with batches of 100
/// appended straight to the store, five of six back-to-back pairs were faster with these settings, by 9-42%.
/// </summary>
internal static class SqliteLibrary
{
    private static readonly Lazy<bool> Configured = new(Configure);

    /// <summary>
    /// Applies the settings once; false when SQLite had already initialized (another SQLite user in the process came first),
    /// in which case it keeps its defaults, serialized and counting, which are slower and just as correct.
    /// </summary>
    public static bool EnsureConfigured() => Configured.Value;

    private static bool Configure()
    {
        Batteries_V2.Init();
        var multiThread = raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD) == raw.SQLITE_OK;
        var noStatistics = raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0) == raw.SQLITE_OK;
        return multiThread && noStatistics;
    }
}
