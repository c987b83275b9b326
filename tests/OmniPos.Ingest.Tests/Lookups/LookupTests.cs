using System.Net;
using OmniPos.Ingest.Tests.Support;

namespace OmniPos.Ingest.Tests.Lookups;

/// <summary>GET /v1/stock and GET /v1/transactions/{id} through the real pipeline, after events posted through it.</summary>
public abstract class LookupTests(StoreSource stores) : ApiTestBase(stores)
{
    [Fact]
    public async Task Stock_answers_on_hand_reserved_and_available_after_a_receipt_and_a_sale()
    {
        (await PostEventAsync(Chain.Json(Chain.Receipt("MUG-001", 10)))).EnsureSuccessStatusCode();
        (await PostEventAsync(Chain.Json(Chain.Sale("T-1", 3)))).EnsureSuccessStatusCode();

        using var response = await Client.GetAsync(new Uri($"/v1/stock?sku=MUG-001&location={Chain.StoreId}", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        var stock = await BodyAsync(response);
        Assert.Equal((7, 0, 7), (stock.GetProperty("onHand").GetInt32(), stock.GetProperty("reserved").GetInt32(), stock.GetProperty("available").GetInt32()));
    }

    [Fact]
    public async Task Stock_of_a_sku_never_moved_there_is_zero()
    {
        using var response = await Client.GetAsync(new Uri("/v1/stock?sku=TEE-001&location=NJ-02", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        Assert.Equal(0, (await BodyAsync(response)).GetProperty("available").GetInt32());
    }

    [Fact]
    public async Task Stock_without_its_query_is_a_problem_naming_each_missing_parameter()
    {
        using var response = await Client.GetAsync(new Uri("/v1/stock?location=", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await BodyAsync(response)).GetProperty("errors");
        Assert.Equal(["sku", "location"], errors.EnumerateArray().Select(e => e.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task A_shelf_price_is_the_list_price_until_the_back_office_changes_it_at_that_store()
    {
        var admin = await ClientForAsync(Core.Access.AccessRole.Admin);
        var markdown = Chain.Json(Chain.Event(new Core.Pricing.PriceChanged("MUG-001", 9.99m, Reason: "clearance")));

        using var before = await Client.GetAsync(new Uri($"/v1/prices?sku=MUG-001&store={Chain.StoreId}", UriKind.Relative));
        using var byRegister = await PostEventAsync(markdown);
        using var byAdmin = await PostEventAsync(admin, markdown);
        using var after = await Client.GetAsync(new Uri($"/v1/prices?sku=MUG-001&store={Chain.StoreId}", UriKind.Relative));
        using var elsewhere = await Client.GetAsync(new Uri($"/v1/prices?sku=MUG-001&store={Chain.OtherStoreId}", UriKind.Relative));
        using var unknown = await Client.GetAsync(new Uri($"/v1/prices?sku=MUG-404&store={Chain.StoreId}", UriKind.Relative));

        static async Task<(decimal, string?)> PriceAsync(HttpResponseMessage r)
        {
            var body = await BodyAsync(r.EnsureSuccessStatusCode());
            return (body.GetProperty("unitPrice").GetDecimal(), body.GetProperty("source").GetString());
        }

        Assert.Equal((12.00m, "list"), await PriceAsync(before));
        Assert.Contains("\"unitPrice\":12.00,", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Forbidden, "body.type"), (byRegister.StatusCode, (await BodyAsync(byRegister)).GetProperty("errors")[0].GetProperty("field").GetString()));
        Assert.Equal(HttpStatusCode.Created, byAdmin.StatusCode);
        Assert.Equal((9.99m, "changed"), await PriceAsync(after));
        Assert.Equal((12.00m, "list"), await PriceAsync(elsewhere));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_receipt_is_answered_with_its_returns_oldest_first()
    {
        (await PostEventAsync(Chain.Json(Chain.Sale("T-1", 3)))).EnsureSuccessStatusCode();
        (await PostEventAsync(Chain.Json(Chain.Return("R-1", "T-1", 1)))).EnsureSuccessStatusCode();
        (await PostEventAsync(Chain.Json(Chain.Return("R-2", "T-1", 2)))).EnsureSuccessStatusCode();

        using var response = await Client.GetAsync(new Uri("/v1/transactions/T-1", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        var receipt = await BodyAsync(response);
        Assert.Equal("T-1", receipt.GetProperty("sale").GetProperty("body").GetProperty("transactionId").GetString());
        Assert.Equal(["R-1", "R-2"], receipt.GetProperty("returns").EnumerateArray()
            .Select(r => r.GetProperty("body").GetProperty("transactionId").GetString()));
    }

    [Fact]
    public async Task An_unknown_receipt_number_is_a_not_found_problem()
    {
        using var response = await Client.GetAsync(new Uri("/v1/transactions/T-404", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await BodyAsync(response);
        Assert.Equal("https://omnipos.dev/problems/not-found", problem.GetProperty("type").GetString());
        Assert.Contains("T-404", problem.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
