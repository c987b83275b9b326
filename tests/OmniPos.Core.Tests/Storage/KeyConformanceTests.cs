using OmniPos.Core.Access;
using OmniPos.Core.Catalog;
using OmniPos.Core.Tests.Support;

namespace OmniPos.Core.Tests.Storage;

/// <summary>API keys: a token proves its key until revoked, only a salted hash is kept, and a key's scope fits its role. Every engine enrolls unchanged.</summary>
public abstract class KeyConformanceTests : StoreTestBase
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_token_proves_its_key_and_nothing_else_does()
    {
        var issued = await Store.CreateKeyAsync(AccessRole.Register, TestCatalog.StoreId, TestCatalog.RegisterId, None);
        var other = await Store.CreateKeyAsync(AccessRole.Admin, null, null, None);

        Assert.Equal(issued.Key, await Store.AuthenticateAsync(issued.Token, None));
        Assert.Equal(AccessRole.Admin, (await Store.AuthenticateAsync(other.Token, None))?.Role);
        var secret = SecretOf(issued.Token);
        var otherSecret = SecretOf(other.Token);
        Assert.Null(await Store.AuthenticateAsync(issued.Token.Replace(secret, otherSecret, StringComparison.Ordinal), None));
        Assert.Null(await Store.AuthenticateAsync("opk_000000000000_" + secret, None));
        Assert.Null(await Store.AuthenticateAsync(secret, None));
        Assert.Null(await Store.AuthenticateAsync("", None));
    }

    [Fact]
    public async Task A_revoked_key_proves_nothing_from_then_on_and_is_listed_as_revoked()
    {
        var issued = await Store.CreateKeyAsync(AccessRole.Finance, null, null, None);

        Assert.True(await Store.RevokeKeyAsync(issued.Key.KeyId, None));
        Assert.True(await Store.RevokeKeyAsync(issued.Key.KeyId, None));
        Assert.False(await Store.RevokeKeyAsync("no-such-key", None));

        Assert.Null(await Store.AuthenticateAsync(issued.Token, None));
        var listed = Assert.Single(await Store.ListKeysAsync(None));
        Assert.Equal((issued.Key.KeyId, AccessRole.Finance), (listed.KeyId, listed.Role));
        Assert.NotNull(listed.RevokedAt);
    }

    [Fact]
    public async Task A_key_revoked_by_another_process_proves_nothing_once_its_last_proof_here_has_aged()
    {
        var issued = await Store.CreateKeyAsync(AccessRole.Register, TestCatalog.StoreId, TestCatalog.RegisterId, None);
        var clock = new SteppedClock();
        await using var server = await Backend.OpenAsync(clock);
        Assert.Equal(issued.Key, await server.AuthenticateAsync(issued.Token, None));

        Assert.True(await Store.RevokeKeyAsync(issued.Key.KeyId, None));
        clock.Step(ProvenKeys.Lifetime);

        Assert.Null(await server.AuthenticateAsync(issued.Token, None));
    }

    [Fact]
    public async Task Only_a_salted_hash_of_the_secret_is_kept()
    {
        var first = await Store.CreateKeyAsync(AccessRole.Admin, null, null, None);
        var second = await Store.CreateKeyAsync(AccessRole.Admin, null, null, None);

        Assert.Empty(await Backend.DataFilesHoldingAsync([.. new[] { first.Token, second.Token }.Select(SecretOf)]));

        var hashes = await Backend.ExecuteSqlAsync("SELECT COUNT(DISTINCT secret_hash) + COUNT(DISTINCT salt) FROM api_keys");
        Assert.Equal(4L, Convert.ToInt64(hashes, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(AccessRole.Register, "NY-01", null, "a register key names a store and a device")]
    [InlineData(AccessRole.Register, "NY-01", "NY-01-WEB", "an online channel; a register key needs an in-store device")]
    [InlineData(AccessRole.Storefront, "NY-01", "NY-01-REG-1", "in a store; a storefront key needs a storefront or marketplace")]
    [InlineData(AccessRole.Register, "NJ-02", "NY-01-REG-1", "device 'NY-01-REG-1' is not a device of store 'NJ-02'")]
    [InlineData(AccessRole.StoreManager, "LA-09", null, "store 'LA-09' does not exist")]
    [InlineData(AccessRole.StoreManager, "NY-01", "NY-01-REG-1", "a store-manager key names a store and no device")]
    [InlineData(AccessRole.Merchandiser, "NY-01", null, "a merchandiser key names neither a store nor a device")]
    public async Task A_scope_that_does_not_fit_the_role_is_refused_and_creates_nothing(AccessRole role, string? storeId, string? deviceId, string message)
    {
        await Store.SaveStoreAsync(new Store("NJ-02", "Newark", "America/New_York", "USD", "US-NJ"), None);
        await Store.SaveDeviceAsync(new Device("NY-01-WEB", TestCatalog.StoreId, DeviceKind.Storefront), None);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Store.CreateKeyAsync(role, storeId, deviceId, None));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
        Assert.Empty(await Store.ListKeysAsync(None));
    }

    /// <summary>The secret of a token <c>opk_{keyId}_{secret}</c>; the secret itself may hold underscores.</summary>
    private static string SecretOf(string token) => token.Split('_', 3)[2];
}
