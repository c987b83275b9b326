namespace OmniPos.Core.Catalog;

/// <summary>Anything that posts events: a register in a shop, a kiosk, a handheld, or an online channel.</summary>
public sealed record Device(string DeviceId, string StoreId, DeviceKind Kind);
