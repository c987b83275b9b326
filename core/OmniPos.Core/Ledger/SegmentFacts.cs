using OmniPos.Core.Catalog;
using OmniPos.Core.Storage;

namespace OmniPos.Core.Ledger;

/// <summary>What the ledger holds of everything a segment's events name, read at once inside the recording transaction.</summary>
internal sealed class SegmentFacts
{
    /// <summary>Kinds of catalog row whose existence a segment asks about (see <see cref="Known"/>).</summary>
    public const string Product = "product", Promotion = "promotion", Customer = "customer", Employee = "employee";

    public static IReadOnlyList<string> CatalogKinds { get; } = [Product, Promotion, Customer, Employee];

    public Dictionary<string, (long Seq, string Hash)> Recorded { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Store> Stores { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Device> Devices { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Skus { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Promotions { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Customers { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Employees { get; } = new(StringComparer.Ordinal);

    public HashSet<string> TakenTransactionIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Receipt numbers that returns recorded ahead of their sale name (see <see cref="LedgerTables.AwaitedSale"/>).</summary>
    public HashSet<string> AwaitedSales { get; } = new(StringComparer.Ordinal);

    /// <summary>What those returns refunded to each tender of an awaited sale, by receipt number and tender number.</summary>
    public Dictionary<string, Dictionary<int, decimal>> AwaitedRefunds { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SaleFacts> Sales { get; } = new(StringComparer.Ordinal);

    /// <summary>The kind of transaction (<c>sale</c>, <c>return</c>, <see cref="LedgerTables.AwaitedSale"/>) each recorded receipt number that events name as their original is.</summary>
    public Dictionary<string, string> OriginalKinds { get; } = new(StringComparer.Ordinal);

    public Dictionary<StockKey, StockLevel> Stock { get; } = [];

    /// <summary>Whether any fact came from a <see cref="CatalogCache"/> rather than the database.</summary>
    public bool UsedCache { get; set; }

    /// <summary>True when facts came from a cache that the catalog version read with them showed to be out of date: they must be read again.</summary>
    public bool Stale { get; set; }

    /// <summary>
    /// Seqs for the segment's accepted events, one per event of the segment, taken in order; for a group written at once,
    /// stand-ins (each event's place) that the database exchanges for seqs.
    /// </summary>
    public Queue<long> FreshSeqs { get; } = new();

    /// <summary>The ids found to exist of one kind.</summary>
    public HashSet<string> Known(string kind) => kind switch
    {
        Product => Skus,
        Promotion => Promotions,
        Customer => Customers,
        Employee => Employees,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unexpected reference kind"),
    };

    /// <summary>Adds a run of consecutive free seqs.</summary>
    public void AddFreshSeqs(long first, int count)
    {
        for (var i = 0; i < count; i++)
        {
            FreshSeqs.Enqueue(first + i);
        }
    }

    /// <summary>The facts one event of the segment is validated against.</summary>
    public LedgerFacts For(PreparedEvent prepared)
    {
        var (e, refs) = (prepared.Event, prepared.References);
        return new LedgerFacts(
            Stores.GetValueOrDefault(e.StoreId),
            Devices.GetValueOrDefault(e.DeviceId),
            Skus,
            Promotions,
            refs.CustomerId is { } customer && Customers.Contains(customer),
            refs.EmployeeId is { } employee && Employees.Contains(employee),
            refs.NewTransactionId is { } created && TakenTransactionIds.Contains(created),
            refs.NewTransactionId is { } awaited && AwaitedSales.Contains(awaited)
                ? AwaitedRefunds.GetValueOrDefault(awaited) ?? new Dictionary<int, decimal>()
                : null,
            refs.OriginalTransactionId is { } original ? Sales.GetValueOrDefault(original) : null,
            refs.OriginalTransactionId is { } named ? OriginalKinds.GetValueOrDefault(named) : null,
            Stock);
    }
}
