using System.Net;
using OmniPos.Core.Access;
using OmniPos.Ingest.Tests.Support;

namespace OmniPos.Ingest.Tests.Access;

/// <summary>Keys through the real pipeline: who may call what, and what the others are told.</summary>
public abstract class AuthorizationTests(StoreSource stores) : ApiTestBase(stores)
{
    private static readonly string[] ProtectedGets = ["/v1/stock?sku=MUG-001&location=NY-01", "/v1/transactions/T-0"];

    [Fact]
    public async Task Without_a_valid_key_every_route_but_health_and_the_document_answers_401()
    {
        var revoked = await Store.CreateKeyAsync(AccessRole.Admin, null, null, CancellationToken.None);
        await Store.RevokeKeyAsync(revoked.Key.KeyId, CancellationToken.None);
        var sale = Chain.Json(Chain.Sale("T-1", 1));

        foreach (var token in new[] { null, "opk_123456789abc_not-the-secret", "not a key", revoked.Token })
        {
            var client = ClientWithToken(token);
            foreach (var response in new[] { await PostEventAsync(client, sale) }.Concat(await Task.WhenAll(ProtectedGets.Select(client.GetAsync))))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
                Assert.Equal("https://omnipos.dev/problems/unauthorized", (await BodyAsync(response)).GetProperty("type").GetString());
            }

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/v1/health", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).StatusCode);
        }

        Assert.Empty(await Store.ReadEventsAsync(0, 10, CancellationToken.None));
    }

    [Theory]
    [InlineData(AccessRole.Register, Chain.StoreId, Chain.RegisterId, HttpStatusCode.Created)]
    [InlineData(AccessRole.Storefront, Chain.StoreId, Chain.WebStoreId, HttpStatusCode.Created)]
    [InlineData(AccessRole.Admin, null, null, HttpStatusCode.Created)]
    [InlineData(AccessRole.Merchandiser, null, null, HttpStatusCode.Forbidden)]
    [InlineData(AccessRole.Finance, null, null, HttpStatusCode.Forbidden)]
    [InlineData(AccessRole.StoreManager, Chain.StoreId, null, HttpStatusCode.Forbidden)]
    public async Task Each_role_posts_events_or_reads_as_the_matrix_allows(AccessRole role, string? storeId, string? deviceId, HttpStatusCode posting)
    {
        (await PostEventAsync(Chain.Json(Chain.Sale("T-0", 1)))).EnsureSuccessStatusCode();
        var client = await ClientForAsync(role, storeId, deviceId);

        using var posted = await PostEventAsync(client, Chain.Json(Chain.Sale("T-1", 1) with { DeviceId = deviceId ?? Chain.RegisterId }));

        Assert.Equal(posting, posted.StatusCode);
        foreach (var path in ProtectedGets)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }

        Assert.Equal(posting == HttpStatusCode.Created ? 2 : 1, (await Store.ReadEventsAsync(0, 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_device_key_posts_only_for_its_own_store_and_device()
    {
        var storefront = await ClientForAsync(AccessRole.Storefront, Chain.StoreId, Chain.WebStoreId);

        using var asTheRegister = await PostEventAsync(storefront, Chain.Json(Chain.Sale("T-1", 1)));
        using var inAnotherStore = await PostEventAsync(Chain.Json(Chain.Sale("T-2", 1) with { StoreId = Chain.OtherStoreId }));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (asTheRegister.StatusCode, inAnotherStore.StatusCode));
        var (device, store) = ((await BodyAsync(asTheRegister)).GetProperty("errors")[0], (await BodyAsync(inAnotherStore)).GetProperty("errors")[0]);
        Assert.Equal(("deviceId", "forbidden"), (device.GetProperty("field").GetString(), device.GetProperty("rule").GetString()));
        Assert.Equal(("storeId", "forbidden"), (store.GetProperty("field").GetString(), store.GetProperty("rule").GetString()));
        Assert.Empty(await Store.ReadEventsAsync(0, 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_store_manager_reads_only_its_own_store()
    {
        (await PostEventAsync(Chain.Json(Chain.Sale("T-0", 1)))).EnsureSuccessStatusCode();
        var newark = await ClientForAsync(AccessRole.StoreManager, Chain.OtherStoreId);

        var refused = await Task.WhenAll(ProtectedGets.Select(newark.GetAsync));
        using var own = await newark.GetAsync(new Uri($"/v1/stock?sku=MUG-001&location={Chain.OtherStoreId}", UriKind.Relative));

        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal("https://omnipos.dev/problems/forbidden", (await BodyAsync(refused[0])).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }
}
