using Microsoft.AspNetCore.Http;
using OmniPos.Core.Access;
using OmniPos.Core.Events;
using OmniPos.Core.Inventory;
using OmniPos.Core.Pricing;
using OmniPos.Core.Returns;
using OmniPos.Core.Sales;
using OmniPos.Core.Validation;

namespace OmniPos.Ingest.Access;

/// <summary>
/// Who is calling: the key <see cref="KeyCheck"/> authenticated for this request, and what its scope lets it touch. A
/// device's key posts only for its own store and device; a store manager reads only its own store.
/// </summary>
public sealed record Caller(ApiKey Key)
{
    public const string Forbidden = "forbidden";

    /// <summary>
    /// Why the key may not post the event, or null when it may. A register moves only its own store's stock; a storefront
    /// may name any location, since its orders ship from stores and warehouses. Prices are set by the back office (an
    /// admin key), never by a device at the till or online.
    /// </summary>
    public ValidationError? RefusesToPost(PosEvent e) => Key.Role switch
    {
        AccessRole.Admin => null,
        _ when e.Body is PriceChanged => new ValidationError("body.type", Forbidden, "price changes are posted with an admin key"),
        _ when e.StoreId != Key.StoreId => new ValidationError("storeId", Forbidden, $"this key posts only for store '{Key.StoreId}'"),
        _ when e.DeviceId != Key.DeviceId => new ValidationError("deviceId", Forbidden, $"this key posts only for device '{Key.DeviceId}'"),
        AccessRole.Register when Locations(e).FirstOrDefault(l => l.Location is not null && l.Location != Key.StoreId) is ({ } field, _) =>
            new ValidationError(field, Forbidden, $"this key moves stock only at store '{Key.StoreId}'"),
        _ => null,
    };

    /// <summary>Why the key may not read what belongs to the store, or null when it may.</summary>
    public ValidationError? RefusesToRead(string storeId, string field) =>
        Key.Role == AccessRole.StoreManager && storeId != Key.StoreId
            ? new ValidationError(field, Forbidden, $"this key reads only store '{Key.StoreId}'")
            : null;

    /// <summary>
    /// The store a listing shows: the one asked for, else a store manager's own, else none (every store, for the roles
    /// that read them all); with the refusal when the key may not read it.
    /// </summary>
    public (string? StoreId, ValidationError? Refusal) ListingScope(string? asked)
    {
        var store = asked ?? (Key.Role == AccessRole.StoreManager ? Key.StoreId : null);
        return (store, store is null ? null : RefusesToRead(store, "store"));
    }

    /// <summary>The locations an event names, with their fields; a location left out is the event's store.</summary>
    private static IEnumerable<(string Field, string? Location)> Locations(PosEvent e) => e.Body switch
    {
        SaleRecorded sale => sale.Lines.Select((l, i) => ($"body.lines[{i}].location", l.Location)),
        ReturnRecorded ret => ret.Lines.Select((l, i) => ($"body.lines[{i}].location", l.Location)),
        InventoryMoved moved => [("body.location", moved.Location)],
        _ => [],
    };

    /// <summary>The caller <see cref="KeyCheck"/> put on the request (a filter runs after binding, so handlers ask for it).</summary>
    public static Caller Of(HttpContext context) =>
        context.Items[typeof(Caller)] as Caller ?? throw new InvalidOperationException($"{context.Request.Path} asks for its caller, but its route does not require a key");

    public void AttachTo(HttpContext context) => context.Items[typeof(Caller)] = this;
}
