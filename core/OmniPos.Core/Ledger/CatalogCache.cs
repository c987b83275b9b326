using OmniPos.Core.Catalog;

namespace OmniPos.Core.Ledger;

/// <summary>
/// Catalog facts a writer has read (stores, devices, and which products, promotions, customers and employees exist),
/// kept across its transactions while nothing else writes to the database, so a segment asks only about what is new.
/// The writer never writes the catalog itself: whoever does is another connection, and the owner learns of it through
/// <see cref="Revalidate"/>, which it calls at the start of every transaction, once no other writer can commit until it ends.
/// </summary>
internal sealed class CatalogCache
{
    /// <summary>Past this many entries the cache starts over rather than grow without bound.</summary>
    private const int Capacity = 100_000;
    private readonly Dictionary<string, HashSet<string>> _existing = new(StringComparer.Ordinal);
    private long? _version;

    public Dictionary<string, Store> Stores { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Device> Devices { get; } = new(StringComparer.Ordinal);

    /// <summary>Ids known to exist of one kind of catalog row ("product", "promotion", "customer", "employee").</summary>
    public HashSet<string> Existing(string kind) =>
        _existing.TryGetValue(kind, out var ids) ? ids : _existing[kind] = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Keeps what is cached if <paramref name="version"/>, a value that changes whenever another connection commits, is the
    /// one the cache was filled under; otherwise forgets it all.
    /// </summary>
    public void Revalidate(long version)
    {
        if (_version != version || Stores.Count + Devices.Count + _existing.Values.Sum(ids => ids.Count) > Capacity)
        {
            Stores.Clear();
            Devices.Clear();
            _existing.Clear();
        }

        _version = version;
    }
}
