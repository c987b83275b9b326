using OmniPos.Core.Storage;

namespace OmniPos.Ingest.Tests.Support;

/// <summary>Where each test's store lives: a new SQLite file or a new PostgreSQL database.</summary>
public abstract class StoreSource
{
    internal abstract Task<StoreOptions> NewStoreAsync();

    /// <summary>Removes what <see cref="NewStoreAsync"/> left behind once the test's store is closed.</summary>
    internal virtual void CleanUp()
    {
    }
}
