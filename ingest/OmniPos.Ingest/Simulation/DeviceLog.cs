using System.Globalization;
using OmniPos.Core.Catalog;
using OmniPos.Core.Events;

namespace OmniPos.Ingest.Simulation;

/// <summary>
/// One device's events of one day, with ids that name the device and the day (<c>NY-01-R2-20260314-0042</c>), and its
/// receipt numbers (<c>NY-01-R2-20260314-T0017</c>), so ids are unique across the chain and the same in every run.
/// </summary>
internal sealed class DeviceLog(SimLocation location, Device device, DateOnly day)
{
    private readonly string _prefix = $"{device.DeviceId}-{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
    private int _events;
    private int _transactions;

    public SimLocation Location { get; } = location;

    public Device Device { get; } = device;

    public DateOnly Day { get; } = day;

    public List<PosEvent> Events { get; } = [];

    /// <summary>Events recorded while the device was offline, uploaded the next morning.</summary>
    public List<PosEvent> Queued { get; } = [];

    public string NextTransactionId() => $"{_prefix}-T{++_transactions:D4}";

    public PosEvent Add(TimeSpan at, EventBody body)
    {
        var e = new PosEvent($"{_prefix}-{++_events:D4}", Location.StoreId, Device.DeviceId, Location.At(Day, at), body);
        Events.Add(e);
        return e;
    }
}
