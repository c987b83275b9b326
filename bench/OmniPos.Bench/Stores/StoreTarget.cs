using Microsoft.Extensions.Logging.Abstractions;
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

    /// <summary>Where a store no earlier benchmark of this run has written to is, as the server's <c>Store</c> settings name it.</summary>
    public abstract Task<StoreOptions> NewStoreAsync(CancellationToken cancellationToken);

    /// <summary>A store no earlier benchmark of this run has written to, open.</summary>
    public async Task<IOperationalStore> OpenStoreAsync(CancellationToken cancellationToken) => await OpenAsync(await NewStoreAsync(cancellationToken), cancellationToken);

    /// <summary>Opens the store the settings name, as the server would.</summary>
    public static Task<IOperationalStore> OpenAsync(StoreOptions store, CancellationToken cancellationToken) =>
        OperationalStore.OpenAsync(store, Path.GetTempPath(), TimeProvider.System, NullLoggerFactory.Instance, cancellationToken);

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
