using OmniPos.Core.Storage;

namespace OmniPos.Bench.Stores;

/// <summary>
/// An engine benchmarks open operational stores on. A target owns what it set up for them (a temporary folder, a
/// private server) and removes it when disposed.
/// </summary>
internal abstract class StoreTarget : IAsyncDisposable
{
    public abstract StoreEngine Engine { get; }

    /// <summary>The name shown in the table's Store column.</summary>
    public string Name => NameOf(Engine);

    /// <summary>How the store is set up, for the table's notes (durability matters more than anything to these numbers).</summary>
    public abstract string Setup { get; }

    /// <summary>A store no earlier benchmark of this run has written to.</summary>
    public abstract Task<IOperationalStore> OpenStoreAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    public static string NameOf(StoreEngine engine) => engine switch
    {
        StoreEngine.Sqlite => "SQLite",
        StoreEngine.Postgres => "PostgreSQL",
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "unknown engine"),
    };

    public static async Task<StoreTarget> StartAsync(StoreEngine engine, CancellationToken cancellationToken) => engine switch
    {
        StoreEngine.Sqlite => new SqliteTarget(),
        StoreEngine.Postgres => await PostgresTarget.StartAsync(cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "no target for this engine"),
    };
}
