namespace OmniPos.Core.Access;

/// <summary>
/// A key as the store knows it: its public id, role and scope, never its secret. Register and storefront keys name the
/// store and device they post for; a store manager's key names its store.
/// </summary>
public sealed record ApiKey(string KeyId, AccessRole Role, string? StoreId, string? DeviceId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
