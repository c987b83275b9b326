using System.Net;
using System.Text;
using System.Text.Json;
using OmniPos.Ingest.Tests.Support;

namespace OmniPos.Ingest.Tests.Events;

/// <summary>POST /v1/batches: an offline queue, in any order, each event answered on its own.</summary>
public abstract class BatchTests(StoreSource stores) : ApiTestBase(stores)
{
    [Fact]
    public async Task Each_event_of_a_batch_is_answered_on_its_own_and_a_return_sent_before_its_sale_is_recorded_after_it()
    {
        const string cardNumber = "4111111111111111";
        var earlier = Chain.Sale("T-0", 1);
        (await PostEventAsync(Chain.Json(earlier))).EnsureSuccessStatusCode();
        string[] events =
        [
            Chain.Json(Chain.Return("R-1", "T-1", 1)),
            Chain.Json(Chain.Sale("T-1", 2)),
            """{"eventId": 7}""",
            Chain.Json(Chain.Sale("T-2", 1)).Replace("tok_visa_abcdef", cardNumber, StringComparison.Ordinal),
            Chain.Json(Chain.Sale("T-3", 1) with { DeviceId = Chain.WebStoreId }),
            Chain.Json(Chain.Sale("T-4", 1)).Replace("MUG-001", "MUG-404", StringComparison.Ordinal),
            Chain.Json(earlier),
        ];

        using var response = await PostBatchAsync($$"""{"events": [{{string.Join(",", events)}}]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(cardNumber, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Logs.Lines, line => line.Contains(cardNumber, StringComparison.Ordinal));
        var answer = JsonDocument.Parse(text).RootElement;
        var results = answer.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["accepted", "accepted", "rejected", "rejected", "rejected", "rejected", "duplicate"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], results.Select(r => r.GetProperty("index").GetInt32()));
        Assert.True(results[0].GetProperty("seq").GetInt64() > results[1].GetProperty("seq").GetInt64(), "the return is recorded after its sale");
        Assert.Equal(["malformed", "validation", "forbidden", "validation"], results[2..6].Select(r => r.GetProperty("type").GetString()!.Split('/')[^1]));
        var firstErrors = results[2..6].Select(r => r.GetProperty("errors")[0]).ToList();
        Assert.Equal(["malformed", "card_number", "forbidden", "reference"], firstErrors.Select(e => e.GetProperty("rule").GetString()));
        Assert.Equal("eventId", firstErrors[0].GetProperty("field").GetString());
        Assert.Equal(JsonValueKind.Null, results[2].GetProperty("eventId").ValueKind);
        Assert.Equal(JsonDocument.Parse(events[4]).RootElement.GetProperty("eventId").GetString(), results[4].GetProperty("eventId").GetString());
        Assert.Equal((2, 1, 4), (answer.GetProperty("accepted").GetInt32(), answer.GetProperty("duplicates").GetInt32(), answer.GetProperty("refused").GetInt32()));
        Assert.Equal(3, (await Store.ReadEventsAsync(0, 100, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_return_whose_sale_comes_in_a_later_batch_is_accepted_and_linked_when_it_does()
    {
        using var first = await PostBatchAsync($$"""{"events": [{{Chain.Json(Chain.Return("R-1", "T-1", 1))}}]}""");
        using var receiptBefore = await Client.GetAsync(new Uri("/v1/transactions/T-1", UriKind.Relative));
        using var second = await PostBatchAsync($$"""{"events": [{{Chain.Json(Chain.Sale("T-1", 2))}}, {{Chain.Json(Chain.Return("R-2", "T-1", 2))}}]}""");
        using var receipt = await Client.GetAsync(new Uri("/v1/transactions/T-1", UriKind.Relative));

        Assert.Equal("accepted", (await BodyAsync(first)).GetProperty("results")[0].GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, receiptBefore.StatusCode);
        var results = (await BodyAsync(second)).GetProperty("results");
        Assert.Equal(("accepted", "rejected"), (results[0].GetProperty("status").GetString(), results[1].GetProperty("status").GetString()));
        Assert.Equal("return_exceeds_sold", results[1].GetProperty("errors")[0].GetProperty("rule").GetString());
        var returns = (await BodyAsync(receipt)).GetProperty("returns").EnumerateArray();
        Assert.Equal(["R-1"], returns.Select(r => r.GetProperty("body").GetProperty("transactionId").GetString()));
    }

    [Theory]
    [InlineData("[]", "malformed")]
    [InlineData("""{"events": []}""", "malformed")]
    [InlineData("""{"events": {}}""", "malformed")]
    [InlineData("not json", "malformed")]
    [InlineData("""{"events": [{"eventId": "e-1"}], "note": "x"}""", "malformed")]
    [InlineData("""{"events": [{"eventId": "e-1"}], "events": [{"eventId": "e-2"}]}""", "malformed")]
    [InlineData("""{"events": [{"eventId": "e-1"}]} {"events": []}""", "malformed")]
    [InlineData("""{"events": [{"eventId": "e-1"}""", "malformed")]
    public async Task A_body_that_is_not_a_list_of_events_is_a_problem(string body, string rule)
    {
        using var response = await PostBatchAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await BodyAsync(response)).GetProperty("errors")[0];
        Assert.Equal(("events", rule), (error.GetProperty("field").GetString(), error.GetProperty("rule").GetString()));
    }

    [Fact]
    public async Task A_body_that_is_no_batch_but_holds_a_card_number_is_refused_as_one_without_echoing_it()
    {
        using var response = await PostBatchAsync("""{"events": "4111 1111 1111 1111"}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("card_number", text, StringComparison.Ordinal);
        Assert.DoesNotContain("4111", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_that_is_not_json_by_its_content_type_is_refused_unread()
    {
        using var response = await Client.PostAsync(new Uri("/v1/batches", UriKind.Relative),
            new StringContent($$"""{"events": [{{Chain.Json(Chain.Sale("T-1", 1))}}]}""", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(await Store.ReadEventsAsync(0, 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_batch_of_more_than_a_thousand_events_is_refused_whole()
    {
        var sale = Chain.Json(Chain.Sale("T-1", 1));

        using var response = await PostBatchAsync($$"""{"events": [{{string.Join(",", Enumerable.Repeat(sale, 1_001))}}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 1000 events", (await BodyAsync(response)).GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(await Store.ReadEventsAsync(0, 10, CancellationToken.None));
    }

    private Task<HttpResponseMessage> PostBatchAsync(string json) =>
        Client.PostAsync(new Uri("/v1/batches", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
}
