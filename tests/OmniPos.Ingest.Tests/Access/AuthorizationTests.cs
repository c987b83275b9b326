using System.Net;
using OmniPos.Core.Access;
using OmniPos.Ingest.Tests.Support;

namespace OmniPos.Ingest.Tests.Access;

/// <summary>Keys through the real pipeline: who may call what, and what the others are told.</summary>
public abstract class AuthorizationTests(StoreSource stores) : ApiTestBase(stores)
{
    private static readonly string[] ProtectedGets = ["/v1/stock?sku=MUG-001&location=NY-01", "/v1/transactions/T-0", "/v1/prices?sku=MUG-001&store=NY-01"];

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
    public async Task A_register_moves_stock_only_at_its_own_store_while_a_storefront_ships_from_anywhere()
    {
        var shipFromNewark = Chain.Json(Chain.Sale("T-1", 1)).Replace("\"sku\":\"MUG-001\"", "\"sku\":\"MUG-001\",\"location\":\"NJ-02\"", StringComparison.Ordinal);
        var storefront = await ClientForAsync(AccessRole.Storefront, Chain.StoreId, Chain.WebStoreId);

        using var byRegister = await PostEventAsync(shipFromNewark);
        using var byStorefront = await PostEventAsync(storefront, shipFromNewark.Replace(Chain.RegisterId, Chain.WebStoreId, StringComparison.Ordinal));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Created), (byRegister.StatusCode, byStorefront.StatusCode));
        Assert.Equal("body.lines[0].location", (await BodyAsync(byRegister)).GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(-1, (await Store.GetStockAsync("MUG-001", Chain.OtherStoreId, CancellationToken.None)).OnHand);
    }

    [Fact]
    public async Task A_store_manager_reads_only_its_own_store()
    {
        (await PostEventAsync(Chain.Json(Chain.Sale("T-0", 1)))).EnsureSuccessStatusCode();
        var newark = await ClientForAsync(AccessRole.StoreManager, Chain.OtherStoreId);

        using var stock = await newark.GetAsync(new Uri(ProtectedGets[0], UriKind.Relative));
        using var receipt = await newark.GetAsync(new Uri(ProtectedGets[1], UriKind.Relative));
        using var price = await newark.GetAsync(new Uri(ProtectedGets[2], UriKind.Relative));
        using var own = await newark.GetAsync(new Uri($"/v1/stock?sku=MUG-001&location={Chain.OtherStoreId}", UriKind.Relative));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (stock.StatusCode, price.StatusCode));
        Assert.Equal("https://omnipos.dev/problems/forbidden", (await BodyAsync(stock)).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.NotFound, receipt.StatusCode); // as if there were no such receipt: another store's are not its business
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task A_key_revoked_while_its_device_is_busy_is_refused_from_the_next_request()
    {
        var issued = await Store.CreateKeyAsync(AccessRole.Register, Chain.StoreId, Chain.RegisterId, CancellationToken.None);
        var register = ClientWithToken(issued.Token);
        using var before = await PostEventAsync(register, Chain.Json(Chain.Sale("T-1", 1)));
        using var readBefore = await register.GetAsync(new Uri(ProtectedGets[0], UriKind.Relative));

        await Store.RevokeKeyAsync(issued.Key.KeyId, CancellationToken.None);
        using var after = await PostEventAsync(register, Chain.Json(Chain.Sale("T-2", 1)));
        using var readAfter = await register.GetAsync(new Uri(ProtectedGets[0], UriKind.Relative));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (before.StatusCode, readBefore.StatusCode));
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (after.StatusCode, readAfter.StatusCode));
        Assert.Single(await Store.ReadEventsAsync(0, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Revoking_a_device_key_leaves_its_other_keys_working()
    {
        var replaced = await Store.CreateKeyAsync(AccessRole.Register, Chain.StoreId, Chain.RegisterId, CancellationToken.None);
        var current = await Store.CreateKeyAsync(AccessRole.Register, Chain.StoreId, Chain.RegisterId, CancellationToken.None);
        var (byReplaced, byCurrent) = (ClientWithToken(replaced.Token), ClientWithToken(current.Token));
        var sales = Enumerable.Range(1, 4).Select(n => Chain.Sale($"T-{n}", 1)).ToArray();
        (await PostEventAsync(byReplaced, Chain.Json(sales[0]))).EnsureSuccessStatusCode();
        (await PostEventAsync(byCurrent, Chain.Json(sales[1]))).EnsureSuccessStatusCode();

        await Store.RevokeKeyAsync(replaced.Key.KeyId, CancellationToken.None);
        using var refused = await PostEventAsync(byReplaced, Chain.Json(sales[2]));
        using var accepted = await PostEventAsync(byCurrent, Chain.Json(sales[3]));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Created), (refused.StatusCode, accepted.StatusCode));
        Assert.Equal([sales[0].EventId, sales[1].EventId, sales[3].EventId], (await Store.ReadEventsAsync(0, 10, CancellationToken.None)).Select(e => e.EventId));
    }
}
