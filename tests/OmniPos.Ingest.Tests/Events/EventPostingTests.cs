using System.Net;
using System.Text;
using OmniPos.Ingest.Tests.Support;

namespace OmniPos.Ingest.Tests.Events;

/// <summary>POST /v1/events through the real pipeline: what a register gets back for each kind of post.</summary>
public abstract class EventPostingTests(StoreSource stores) : ApiTestBase(stores)
{
    [Fact]
    public async Task A_sale_is_created_and_posting_it_again_answers_duplicate_with_the_same_seq()
    {
        var sale = Chain.Json(Chain.Sale("T-1", 2));

        using var first = await PostEventAsync(sale);
        using var again = await PostEventAsync(sale);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var (created, repeated) = (await BodyAsync(first), await BodyAsync(again));
        Assert.Equal(("accepted", "duplicate"), (created.GetProperty("status").GetString(), repeated.GetProperty("status").GetString()));
        Assert.Equal(created.GetProperty("seq").GetInt64(), repeated.GetProperty("seq").GetInt64());
        Assert.Single(await Store.ReadEventsAsync(0, 10, CancellationToken.None));
    }

    [Fact]
    public async Task The_same_event_id_with_other_content_is_a_conflict_problem()
    {
        using var first = await PostEventAsync(Chain.Json(Chain.Sale("T-1", 2, eventId: "evt-1")));
        using var changed = await PostEventAsync(Chain.Json(Chain.Sale("T-1", 3, eventId: "evt-1")));

        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Equal("application/problem+json", changed.Content.Headers.ContentType?.MediaType);
        var problem = await BodyAsync(changed);
        Assert.Equal("https://omnipos.dev/problems/idempotency-conflict", problem.GetProperty("type").GetString());
        Assert.Equal("eventId", problem.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_sale_that_breaks_a_rule_is_a_validation_problem_naming_the_field_and_stores_nothing()
    {
        using var response = await PostEventAsync(Chain.Json(Chain.Sale("T-1", 2)).Replace("MUG-001", "MUG-404", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = (await BodyAsync(response)).GetProperty("errors")[0];
        Assert.Equal(("body.lines[0].sku", "reference"), (error.GetProperty("field").GetString(), error.GetProperty("rule").GetString()));
        Assert.Empty(await Store.ReadEventsAsync(0, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Malformed_json_is_a_problem_naming_where_it_broke()
    {
        using var response = await PostEventAsync("""{"eventId": "evt-1", "storeId": 42}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await BodyAsync(response);
        Assert.Equal("https://omnipos.dev/problems/malformed", problem.GetProperty("type").GetString());
        Assert.Equal("storeId", problem.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_card_number_anywhere_in_the_body_is_refused_without_being_echoed()
    {
        const string cardNumber = "4111111111111111";
        var sale = Chain.Json(Chain.Sale("T-1", 2)).Replace("tok_visa_abcdef", cardNumber, StringComparison.Ordinal);

        using var response = await PostEventAsync(sale);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("card_number", text, StringComparison.Ordinal);
        Assert.DoesNotContain(cardNumber, text, StringComparison.Ordinal);
        Assert.Empty(await Store.ReadEventsAsync(0, 10, CancellationToken.None));
        Assert.Contains(Logs.Lines, line => line.Contains("card number", StringComparison.Ordinal));
        Assert.DoesNotContain(Logs.Lines, line => line.Contains(cardNumber, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_refused_as_too_large()
    {
        var padded = Chain.Json(Chain.Sale("T-1", 2)) + new string(' ', 1 << 20);

        using var response = await PostEventAsync(padded);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("https://omnipos.dev/problems/too-large", (await BodyAsync(response)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_body_sent_without_its_length_is_read_whole_or_refused_once_over_one_mebibyte()
    {
        // Trailing blanks are still one JSON document; 40 KiB of them make the server read well past its first buffer.
        var (fits, over) = (Chain.Sale("T-1", 2), Chain.Sale("T-2", 2));

        using var accepted = await PostChunkedAsync(Chain.Json(fits) + new string(' ', 40 * 1024));
        using var refused = await PostChunkedAsync(Chain.Json(over) + new string(' ', 1 << 20));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.RequestEntityTooLarge), (accepted.StatusCode, refused.StatusCode));
        Assert.Equal(fits.EventId, Assert.Single(await Store.ReadEventsAsync(0, 10, CancellationToken.None)).EventId);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_route_and_which_need_a_key()
    {
        using var response = await Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        var document = await BodyAsync(response);
        var paths = document.GetProperty("paths");
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.True(paths.GetProperty("/v1/events").GetProperty("post").TryGetProperty("security", out _), "posting names its key");
        Assert.False(paths.GetProperty("/v1/health").GetProperty("get").TryGetProperty("security", out _), "health needs no key");
        foreach (var route in new[] { "/v1/events", "/v1/batches", "/v1/stock", "/v1/transactions/{transactionId}", "/v1/stores/{id}", "/v1/products/{id}", "/v1/health" })
        {
            Assert.True(paths.TryGetProperty(route, out _), $"the document lacks {route}");
        }
    }

    /// <summary>Posts the text with chunked transfer encoding, so the server learns its length only by reading it.</summary>
    private async Task<HttpResponseMessage> PostChunkedAsync(string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/events", UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.TransferEncodingChunked = true;
        return await Client.SendAsync(request);
    }
}
