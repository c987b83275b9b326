using System.Data.Common;
using OmniPos.Core.Catalog;
using OmniPos.Core.Storage;
using static OmniPos.Core.Storage.Sql;

namespace OmniPos.Core.Access;

/// <summary>
/// API keys in the operational store's <c>api_keys</c> table, the same SQL on both engines; keys proven lately are
/// answered from <see cref="ProvenKeys"/> without reading the table.
/// </summary>
internal sealed class ApiKeyRegistry(Func<CancellationToken, Task<DbConnection>> open, TimeProvider clock)
{
    private const string Columns = "key_id, role, store_id, device_id, created_at_utc, revoked_at_utc";
    private readonly ProvenKeys _proven = new(clock);

    public async Task<IssuedKey> CreateAsync(AccessRole role, string? storeId, string? deviceId, CancellationToken ct)
    {
        await using var c = await open(ct);
        await CheckScopeAsync(c, role, storeId, deviceId, ct);
        var (keyId, secret, token) = KeyToken.New();
        var salt = KeyToken.NewSalt();
        var key = new ApiKey(keyId, role, storeId, deviceId, Now(), null);
        await ExecuteAsync(c, null,
            $"INSERT INTO api_keys ({Columns}, salt, secret_hash) VALUES (@id, @role, @store, @device, @created, NULL, @salt, @hash)", ct,
            P("@id", keyId), P("@role", EnumText.Of(role)), P("@store", storeId), P("@device", deviceId), P("@created", key.CreatedAt.UtcDateTime),
            P("@salt", salt), P("@hash", KeyToken.Hash(salt, secret)));
        return new IssuedKey(key, token);
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct)
    {
        await using var c = await open(ct);
        await using var command = Command(c, null, $"SELECT {Columns} FROM api_keys ORDER BY created_at_utc, key_id");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var keys = new List<ApiKey>();
        while (await reader.ReadAsync(ct))
        {
            keys.Add(Read(reader));
        }

        return keys;
    }

    /// <summary>Revokes the key (a second revocation keeps the first time); false when there is no such key.</summary>
    public async Task<bool> RevokeAsync(string keyId, CancellationToken ct)
    {
        await using var c = await open(ct);
        var revoked = await ExecuteAsync(c, null, "UPDATE api_keys SET revoked_at_utc = COALESCE(revoked_at_utc, @now) WHERE key_id = @id", ct,
            P("@now", Now().UtcDateTime), P("@id", keyId)) > 0;
        _proven.Forget(keyId);
        return revoked;
    }

    /// <summary>
    /// The key a token proves, or null when the token is malformed, unknown, wrong or revoked (by another process: once
    /// its last proof here is <see cref="ProvenKeys.Lifetime"/> old).
    /// </summary>
    public async Task<ApiKey?> AuthenticateAsync(string token, CancellationToken ct)
    {
        if (!KeyToken.TryParse(token, out var keyId, out var secret))
        {
            return null;
        }

        var tokenHash = KeyToken.Fingerprint(token);
        if (_proven.Find(tokenHash) is { } proven)
        {
            return proven;
        }

        var revocationsBefore = _proven.Revocations;
        await using var c = await open(ct);
        await using var command = Command(c, null, $"SELECT {Columns}, salt, secret_hash FROM api_keys WHERE key_id = @id", P("@id", keyId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct) || !KeyToken.Matches(reader.GetString(6), secret, reader.GetString(7)))
        {
            return null;
        }

        var key = Read(reader);
        if (key.RevokedAt is not null)
        {
            return null;
        }

        _proven.Remember(tokenHash, key, revocationsBefore);
        return key;
    }

    /// <summary>The time to the microsecond, as PostgreSQL keeps it, so a key reads back as it was created on either engine.</summary>
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    private static ApiKey Read(DbDataReader r) => new(
        r.GetString(0), EnumText.Parse<AccessRole>(r.GetString(1)),
        r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
        Utc(r.GetDateTime(4)), r.IsDBNull(5) ? null : Utc(r.GetDateTime(5)));

    /// <summary>
    /// A device's key names the store and the device, which must be of the role's kind (in-store for registers, online for
    /// storefronts); a store manager's names the store alone; the other roles name neither.
    /// </summary>
    private static async Task CheckScopeAsync(DbConnection c, AccessRole role, string? storeId, string? deviceId, CancellationToken ct)
    {
        var (needsStore, needsDevice) = role switch
        {
            AccessRole.Register or AccessRole.Storefront => (true, true),
            AccessRole.StoreManager => (true, false),
            _ => (false, false),
        };
        var name = AccessRoleNames.Of(role);
        if (needsStore != storeId is not null || needsDevice != deviceId is not null)
        {
            var scope = (needsStore, needsDevice) switch
            {
                (true, true) => "a store and a device",
                (true, false) => "a store and no device",
                _ => "neither a store nor a device",
            };
            throw new ArgumentException($"a {name} key names {scope}");
        }

        if (storeId is not null && !await ExistsAsync(c, "stores", "store_id", storeId, ct))
        {
            throw new ArgumentException($"store '{storeId}' does not exist");
        }

        if (deviceId is not null)
        {
            await using var command = Command(c, null, "SELECT store_id, kind FROM devices WHERE device_id = @id", P("@id", deviceId));
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct) || reader.GetString(0) != storeId)
            {
                throw new ArgumentException($"device '{deviceId}' is not a device of store '{storeId}'");
            }

            var online = EnumText.Parse<DeviceKind>(reader.GetString(1)) is DeviceKind.Storefront or DeviceKind.Marketplace;
            if (online != (role == AccessRole.Storefront))
            {
                throw new ArgumentException($"device '{deviceId}' is {(online ? "an online channel" : "in a store")}; a {name} key needs {(online ? "an in-store device" : "a storefront or marketplace")}");
            }
        }
    }
}
