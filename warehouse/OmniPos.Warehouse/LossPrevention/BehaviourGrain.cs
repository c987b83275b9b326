using OmniPos.Warehouse.Schema;

namespace OmniPos.Warehouse.LossPrevention;

/// <summary>
/// A grain anomaly scoring compares like with like at: employee-days against their store's others, online device-days
/// against each other, loyalty members' days against each other. Its SQL is <c>Behaviour/&lt;name&gt;.sql</c>.
/// </summary>
public sealed class BehaviourGrain
{
    private readonly Lazy<string> _sql;

    private BehaviourGrain(string name, string subjectKind, bool peersByStore, IReadOnlyList<BehaviourFeature> features)
    {
        Name = name;
        SubjectKind = subjectKind;
        PeersByStore = peersByStore;
        Features = features;
        _sql = new Lazy<string>(() => EmbeddedSql.Read($"LossPrevention/Behaviour/{name}.sql"));
    }

    public static BehaviourGrain EmployeeDays { get; } = new("employee_days", "employee", peersByStore: true,
        [new("transactions", 0), new("line voids per transaction"), new("transaction voids"), new("no-sales"), new("price overrides"),
         new("manual discounts"), new("returns without receipt"), new("cash refunded without receipt"), new("cash short at close")]);

    public static BehaviourGrain DeviceDays { get; } = new("device_days", "device", peersByStore: false,
        [new("orders", 0), new("guest orders"), new("different cards"), new("lowest hourly median guest order", -1), new("most guest orders in an hour")]);

    public static BehaviourGrain CustomerDays { get; } = new("customer_days", "customer", peersByStore: false,
        [new("orders"), new("spend"), new("orders paid from gift cards"), new("different gift cards"), new("gift-card spend"), new("returns"),
         new("refunded")]);

    public static IReadOnlyList<BehaviourGrain> All { get; } = [EmployeeDays, DeviceDays, CustomerDays];

    public string Name { get; }

    /// <summary>What the grain's days are of: employee, device or customer.</summary>
    public string SubjectKind { get; }

    /// <summary>Whether a day is compared with its own store's days only (employees), or with every store's.</summary>
    public bool PeersByStore { get; }

    /// <summary>The figures of each day, in the order of <see cref="BehaviourDay.Features"/>.</summary>
    public IReadOnlyList<BehaviourFeature> Features { get; }

    internal string Sql => _sql.Value;
}
