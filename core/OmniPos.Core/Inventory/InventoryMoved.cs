using OmniPos.Core.Events;

namespace OmniPos.Core.Inventory;

/// <summary>A stock movement posted by a device: receipt (with its unit cost), transfer, count adjustment, or a pickup reservation and its release.</summary>
/// <param name="Quantity">Positive units, except a count adjustment, which is signed.</param>
/// <param name="Location">The store itself when absent.</param>
public sealed record InventoryMoved(
    MovementKind Kind,
    string Sku,
    int Quantity,
    string? Location = null,
    decimal? UnitCost = null,
    string? Reason = null,
    string? Reference = null) : EventBody;
