using OmniPos.Core.Catalog;

namespace OmniPos.Core.Ledger;

/// <summary>
/// Catalog facts the append writer has read (stores, devices, and which products, promotions, customers and employees
/// exist), kept from one transaction to the next so a segment asks only about what it has not seen. They stay true while
/// the database's catalog version (the <c>catalog_version</c> table, moved on by every change to a catalog table) is the
/// one they were read under: each segment reads the version along with its facts and hands it to <see cref="Confirm"/>,
/// and a group written at once from the cache alone writes nothing unless the version is still <see cref="Version"/>.
/// </summary>
internal sealed class CatalogCache
{
    /// <summary>Past this many entries the cache starts over rather than grow without bound.</summary>
    private const int Capacity = 100_000;
    private readonly Dictionary<string, HashSet<string>> _existing = new(StringComparer.Ordinal);
    private long? _version;

    /// <summary>The catalog version what the cache holds was read under; null until a version is first confirmed.</summary>
    public long? Version => _version;

    public Dictionary<string, Store> Stores { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Device> Devices { get; } = new(StringComparer.Ordinal);

    /// <summary>Ids known to exist of one of <see cref="SegmentFacts.CatalogKinds"/>.</summary>
    public HashSet<string> Existing(string kind) =>
        _existing.TryGetValue(kind, out var ids) ? ids : _existing[kind] = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// True when the catalog version read in the current transaction is the one the cache was filled under, so what it
    /// holds is still true; otherwise forgets everything and starts over under the new version.
    /// </summary>
    public bool Confirm(long version)
    {
        var held = _version == version;
        if (!held || Stores.Count + Devices.Count + _existing.Values.Sum(ids => ids.Count) > Capacity)
        {
            Stores.Clear();
            Devices.Clear();
            _existing.Clear();
        }

        _version = version;
        return held;
    }

    /// <summary>Keeps the catalog facts of a segment whose version <see cref="Confirm"/> has just checked.</summary>
    public void Remember(SegmentFacts facts)
    {
        foreach (var (id, store) in facts.Stores)
        {
            Stores[id] = store;
        }

        foreach (var (id, device) in facts.Devices)
        {
            Devices[id] = device;
        }

        foreach (var kind in SegmentFacts.CatalogKinds)
        {
            Existing(kind).UnionWith(facts.Known(kind));
        }
    }
}
