using OmniPos.Core.Storage;

namespace OmniPos.Core.Ledger;

/// <summary>
/// Splits a group of events into runs whose facts can all be read before any of them is written: a run ends before an
/// event that reads something an earlier event of the run writes. Such pairs are rare (a sale and its return in one
/// group, two refunds of one sale, an event sent twice), so most groups are one run.
/// </summary>
internal static class Segments
{
    public static IEnumerable<IReadOnlyList<PreparedEvent>> Of(IReadOnlyList<PreparedEvent> events)
    {
        var segment = new List<PreparedEvent>();
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var prepared in events)
        {
            if (segment.Count > 0 && Reads(prepared).Any(written.Contains))
            {
                yield return segment;
                segment = [];
                written.Clear();
            }

            segment.Add(prepared);
            written.UnionWith(Writes(prepared));
        }

        if (segment.Count > 0)
        {
            yield return segment;
        }
    }

    /// <summary>The event id, the receipt it creates or changes, and stock whose level it checks (by SKU, which is coarser than needed and so safe).</summary>
    private static IEnumerable<string> Reads(PreparedEvent p) =>
        Shared(p).Concat(p.References.ReservedStock.Select(k => "sku:" + k.Sku));

    private static IEnumerable<string> Writes(PreparedEvent p) =>
        Shared(p).Concat(p.References.Skus.Select(sku => "sku:" + sku));

    private static IEnumerable<string> Shared(PreparedEvent p)
    {
        yield return "event:" + p.Event.EventId;
        if (p.References.NewTransactionId is { } created)
        {
            yield return "transaction:" + created;
        }

        if (p.References.OriginalTransactionId is { } changed)
        {
            yield return "transaction:" + changed;
        }
    }
}
