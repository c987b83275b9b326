using System.Net;
using System.Text;
using OmniPos.Core.Access;
using OmniPos.Ingest.Tests.Support;

namespace OmniPos.Ingest.Tests.Catalog;

/// <summary>Setting up a store through the API with an admin key, and what a wrong entry is told.</summary>
public abstract class CatalogTests(StoreSource stores) : ApiTestBase(stores)
{
    private const string Boston = """{"storeId":"MA-03","name":"Boston","timeZone":"America/New_York","currency":"USD","taxJurisdiction":"US-MA"}""";

    [Fact]
    public async Task A_store_set_up_through_the_api_takes_sales_from_its_register()
    {
        var admin = await ClientForAsync(AccessRole.Admin);

        using var store = await PutAsync(admin, "/v1/stores/MA-03", Boston);
        using var device = await PutAsync(admin, "/v1/devices/MA-03-REG-1", """{"deviceId":"MA-03-REG-1","storeId":"MA-03","kind":"register"}""");
        using var product = await PutAsync(admin, "/v1/products/CAP-001",
            """{"sku":"CAP-001","name":"Cap","categoryPath":["Apparel","Hats"],"unitCost":3.10,"unitPrice":15.00}""");
        var register = await ClientForAsync(AccessRole.Register, "MA-03", "MA-03-REG-1");
        var sale = Chain.Json(Chain.Sale("B-1", 1) with { StoreId = "MA-03", DeviceId = "MA-03-REG-1" }).Replace("MUG-001", "CAP-001", StringComparison.Ordinal)
            .Replace("12.0", "15.0", StringComparison.Ordinal);
        using var posted = await PostEventAsync(register, sale);

        Assert.All([store, device, product], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal("Boston", (await BodyAsync(store)).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
    }

    [Fact]
    public async Task Entries_read_back_as_they_were_put_and_details_of_people_only_by_admins()
    {
        var admin = await ClientForAsync(AccessRole.Admin);
        const string cap = """{"sku":"CAP-001","name":"Cap","categoryPath":["Apparel","Hats"],"unitCost":3.10,"unitPrice":15.00}""";
        const string promotion = """{"promotionId":"SPRING-5","name":"Spring five off","startsOn":"2027-03-01","endsOn":"2027-03-31"}""";
        const string customer = """{"customerId":"C-1","name":"Grace","email":"grace@example.com","loyaltyTier":"gold"}""";
        foreach (var (path, body) in new[] { ("/v1/stores/MA-03", Boston), ("/v1/products/CAP-001", cap), ("/v1/promotions/SPRING-5", promotion), ("/v1/customers/C-1", customer) })
        {
            (await PutAsync(admin, path, body)).EnsureSuccessStatusCode();
        }

        async Task<string> ReadAsync(HttpClient client, string path) => await (await client.GetAsync(new Uri(path, UriKind.Relative))).EnsureSuccessStatusCode().Content.ReadAsStringAsync();

        Assert.Equal(Boston, await ReadAsync(Client, "/v1/stores/MA-03"));
        Assert.Equal(cap, await ReadAsync(Client, "/v1/products/CAP-001"));
        Assert.Equal(promotion, await ReadAsync(Client, "/v1/promotions/SPRING-5"));
        Assert.Equal(customer, await ReadAsync(admin, "/v1/customers/C-1"));
        Assert.Equal(HttpStatusCode.Forbidden, (await Client.GetAsync(new Uri("/v1/customers/C-1", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Client.GetAsync(new Uri("/v1/employees/EMP-1", UriKind.Relative))).StatusCode);
        using var unknown = await Client.GetAsync(new Uri("/v1/products/CAP-404", UriKind.Relative));
        Assert.Equal((HttpStatusCode.NotFound, "sku"), (unknown.StatusCode, (await BodyAsync(unknown)).GetProperty("errors")[0].GetProperty("field").GetString()));
    }

    [Fact]
    public async Task Only_an_admin_key_sets_up_the_catalog()
    {
        var merchandiser = await ClientForAsync(AccessRole.Merchandiser);

        using var byRegister = await PutAsync(Client, "/v1/stores/MA-03", Boston);
        using var byMerchandiser = await PutAsync(merchandiser, "/v1/stores/MA-03", Boston);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (byRegister.StatusCode, byMerchandiser.StatusCode));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CreateKeyAsync(AccessRole.StoreManager, "MA-03", null, CancellationToken.None));
    }

    [Theory]
    [InlineData("/v1/stores/MA-04", Boston, 400, "storeId", "not 'MA-04' as in the path")]
    [InlineData("/v1/stores/MA-03", """{"storeId":"MA-03","name":"Boston","timeZone":"America/New_York","currency":"USD","taxJurisdiction":"US-MA","manager":"Ann"}""",
        400, "manager", "is not a field of this store")]
    [InlineData("/v1/stores/MA-03", """{"storeId":"MA-03","name":"Boston","timeZone":"Mars/Olympus","currency":"USD","taxJurisdiction":"US-MA"}""",
        422, "$", "time zone 'Mars/Olympus' is not a known IANA zone")]
    [InlineData("/v1/devices/LA-09-REG-1", """{"deviceId":"LA-09-REG-1","storeId":"LA-09","kind":"register"}""", 422, "$", "store 'LA-09' does not exist")]
    [InlineData("/v1/products/CAP-001", """{"sku":"CAP-001","name":"Cap","categoryPath":["Hats"],"unitCost":-1,"unitPrice":15.00}""",
        422, "$", "must not be negative")]
    [InlineData("/v1/customers/C-1", """{"customerId":"C-1","name":"Paid with 4111 1111 1111 1111","email":null}""", 422, "name", "processor token")]
    [InlineData("/v1/customers/C-1", """{"customerId":"C-1","name":"Grace","loyaltyTier":"platinum"}""", 400, "loyaltyTier", "has the wrong type or format for this field")]
    public async Task A_wrong_entry_is_refused_naming_what_is_wrong(string path, string body, int status, string field, string message)
    {
        var admin = await ClientForAsync(AccessRole.Admin);

        using var response = await PutAsync(admin, path, body);

        Assert.Equal(status, (int)response.StatusCode);
        var error = (await BodyAsync(response)).GetProperty("errors")[0];
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.Contains(message, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("4111 1111", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string path, string json) =>
        client.PutAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
}
