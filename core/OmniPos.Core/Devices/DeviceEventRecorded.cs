using OmniPos.Core.Events;

namespace OmniPos.Core.Devices;

/// <summary>Something a device or its operator did that is not a sale: drawer, voids, overrides, sign-in, till counts.</summary>
/// <param name="Amount">Cash counted, dropped or paid for till events; the price or discount given for overrides.</param>
public sealed record DeviceEventRecorded(
    DeviceEventKind Kind,
    string? EmployeeId = null,
    string? TransactionId = null,
    int? LineNo = null,
    decimal? Amount = null,
    string? Reason = null) : EventBody;
