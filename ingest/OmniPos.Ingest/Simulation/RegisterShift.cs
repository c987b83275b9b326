using OmniPos.Core.Catalog;
using OmniPos.Core.Events;

namespace OmniPos.Ingest.Simulation;

/// <summary>One register's day: its device log, the cashier on it, the drawer, and what happens at it, by time.</summary>
internal sealed class RegisterShift(DeviceLog log, Employee cashier, bool dishonest)
{
    private readonly List<(TimeSpan At, int Order, Action Run)> _timeline = [];

    public DeviceLog Log { get; } = log;

    public Employee Cashier { get; } = cashier;

    /// <summary>Whether the cashier on shift is one of the dishonest ones.</summary>
    public bool Dishonest { get; } = dishonest;

    public Drawer Drawer { get; } = new(ShopFloor.OpeningFloat);

    /// <summary>Fraud cases of this shift that are complete only when the till is counted at close.</summary>
    public List<Func<PosEvent, FraudCase>> ClosingCases { get; } = [];

    /// <summary>The time of day of what is happening now, while <see cref="Play"/> runs.</summary>
    public TimeSpan Now { get; private set; }

    public void At(TimeSpan at, Action run) => _timeline.Add((at, _timeline.Count, run));

    /// <summary>Runs what happens in order of time (ties in the order they were planned).</summary>
    public void Play()
    {
        foreach (var (at, _, run) in _timeline.OrderBy(t => t.At).ThenBy(t => t.Order))
        {
            Now = at;
            run();
        }
    }
}
