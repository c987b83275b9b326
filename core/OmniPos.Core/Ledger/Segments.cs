using OmniPos.Core.Storage;

namespace OmniPos.Core.Ledger;

/// <summary>
/// Splits a group of events into runs whose facts can all be read before any of them is written: a run ends before an
/// event that reads something an earlier event of the run writes. Such pairs are rare (a sale and its return in one
/// group, two refunds of one sale, an event sent twice), so most groups are one run. The writer splits every group, so
/// what an event touches is kept as typed keys, without a string made per key.
/// </summary>
internal static class Segments
{
    public static IEnumerable<IReadOnlyList<PreparedEvent>> Of(IReadOnlyList<PreparedEvent> events)
    {
        var segment = new List<PreparedEvent>();
        var written = new HashSet<Touched>();
        foreach (var prepared in events)
        {
            Touched[] shared = [.. Shared(prepared)];
            if (segment.Count > 0 && ReadsAnyOf(prepared, shared, written))
            {
                yield return segment;
                segment = [];
                written.Clear();
            }

            segment.Add(prepared);
            AddWrites(prepared, shared, written);
        }

        if (segment.Count > 0)
        {
            yield return segment;
        }
    }

    /// <summary>The event id, the receipts it creates or changes, and stock whose level it checks (by SKU, which is coarser than needed and so safe).</summary>
    private static bool ReadsAnyOf(PreparedEvent p, Touched[] shared, HashSet<Touched> written) =>
        shared.Any(written.Contains) || p.References.ReservedStock.Any(key => written.Contains(new Touched(TouchedKind.Sku, key.Sku)));

    private static void AddWrites(PreparedEvent p, Touched[] shared, HashSet<Touched> written)
    {
        written.UnionWith(shared);
        foreach (var sku in p.References.Skus)
        {
            written.Add(new Touched(TouchedKind.Sku, sku));
        }
    }

    /// <summary>What an event both reads and writes: its id and the receipts it creates or changes.</summary>
    private static IEnumerable<Touched> Shared(PreparedEvent p)
    {
        yield return new Touched(TouchedKind.Event, p.Event.EventId);
        if (p.References.NewTransactionId is { } created)
        {
            yield return new Touched(TouchedKind.Transaction, created);
        }

        if (p.References.OriginalTransactionId is { } changed)
        {
            yield return new Touched(TouchedKind.Transaction, changed);
        }
    }

    private enum TouchedKind
    {
        Event,
        Transaction,
        Sku,
    }

    /// <summary>Something an event reads or writes; ids compare ordinally, as strings do in a record struct.</summary>
    private readonly record struct Touched(TouchedKind Kind, string Id);
}
