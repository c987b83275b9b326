using Microsoft.AspNetCore.Http;
using OmniPos.Core.Access;
using OmniPos.Core.Events;
using OmniPos.Core.Validation;

namespace OmniPos.Ingest.Access;

/// <summary>
/// Who is calling: the key <see cref="KeyCheck"/> authenticated for this request, and what its scope lets it touch. A
/// device's key posts only for its own store and device; a store manager reads only its own store.
/// </summary>
internal sealed record Caller(ApiKey Key)
{
    public const string Forbidden = "forbidden";

    /// <summary>Why the key may not post the event, or null when it may.</summary>
    public ValidationError? RefusesToPost(PosEvent e) => Key.Role switch
    {
        AccessRole.Admin => null,
        _ when e.StoreId != Key.StoreId => new ValidationError("storeId", Forbidden, $"this key posts only for store '{Key.StoreId}'"),
        _ when e.DeviceId != Key.DeviceId => new ValidationError("deviceId", Forbidden, $"this key posts only for device '{Key.DeviceId}'"),
        _ => null,
    };

    /// <summary>Why the key may not read what belongs to the store, or null when it may.</summary>
    public ValidationError? RefusesToRead(string storeId, string field) =>
        Key.Role == AccessRole.StoreManager && storeId != Key.StoreId
            ? new ValidationError(field, Forbidden, $"this key reads only store '{Key.StoreId}'")
            : null;

    /// <summary>The caller <see cref="KeyCheck"/> put on the request (a filter runs after binding, so handlers ask for it).</summary>
    public static Caller Of(HttpContext context) =>
        context.Items[typeof(Caller)] as Caller ?? throw new InvalidOperationException($"{context.Request.Path} asks for its caller, but its route does not require a key");

    public void AttachTo(HttpContext context) => context.Items[typeof(Caller)] = this;
}
