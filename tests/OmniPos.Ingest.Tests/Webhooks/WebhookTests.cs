using OmniPos.TestApi;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OmniPos.Core.Access;
using OmniPos.Core.Webhooks;
using OmniPos.Ingest.Tests.Support;
using OmniPos.Ingest.Webhooks;

namespace OmniPos.Ingest.Tests.Webhooks;

/// <summary>
/// Webhooks out through the real pipeline: events posted to the API, relayed into the store's outbox and posted by the
/// dispatcher to real listeners on loopback ports. Each test runs the relay and the dispatcher when it means to (the
/// scheduler's webhooks job does in a server), and moves the dispatcher's clock instead of waiting out backoffs.
/// </summary>
public abstract class WebhookTests(StoreSource stores) : ApiTestBase(stores)
{
    private const string Secret = "a-test-secret-of-some-length";
    private const int FirstRetrySeconds = 10;
    private const int MaxRetrySeconds = 30;
    private const int MaxAttempts = 5;
    private const int KeepDays = 1;
    private readonly MovableClock _clock = new(DateTimeOffset.UtcNow);

    private protected override TimeProvider Clock => _clock;

    private protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Ingest:Webhooks:FirstRetrySeconds"] = $"{FirstRetrySeconds}",
        ["Ingest:Webhooks:MaxRetrySeconds"] = $"{MaxRetrySeconds}",
        ["Ingest:Webhooks:MaxAttempts"] = $"{MaxAttempts}",
        ["Ingest:Webhooks:KeepDays"] = $"{KeepDays}",
    };

    [Fact]
    public async Task A_posted_sale_reaches_a_sale_subscriber_signed_and_not_a_subscriber_of_returns_only()
    {
        var admin = await ClientForAsync(AccessRole.Admin);
        await using var sales = await WebhookListener.StartAsync(Secret);
        await using var returns = await WebhookListener.StartAsync(Secret);
        var salesId = await Subscriptions.AddAsync(admin, sales.Url, Secret, "sale");
        await Subscriptions.AddAsync(admin, returns.Url, Secret, "return");

        using var posted = await PostEventAsync(Chain.Json(Chain.Sale("T-1", 2, eventId: "evt-sale-1")));
        var seq = (await BodyAsync(posted)).GetProperty("seq").GetInt64();
        var summary = await RelayAndDeliverAsync();

        var received = Assert.Single(sales.Posts);
        Assert.Empty(returns.Posts);
        Assert.Equal(0, sales.Forged);
        Assert.Equal(new DispatchSummary(1, 0, 0), summary);
        Assert.Equal("sale", received.Kind);
        Assert.Equal(received.DeliveryId, $"{received.Body.GetProperty("deliveryId").GetInt64()}");
        var data = received.Body.GetProperty("data");
        Assert.Equal(seq, data.GetProperty("seq").GetInt64());
        Assert.Equal("evt-sale-1", data.GetProperty("event").GetProperty("eventId").GetString());
        Assert.Equal("T-1", data.GetProperty("event").GetProperty("body").GetProperty("transactionId").GetString());
        var delivery = Assert.Single(await DeliveriesAsync(admin, salesId));
        Assert.Equal(("delivered", "sale"), (delivery.GetProperty("state").GetString(), delivery.GetProperty("kind").GetString()));
        Assert.Equal(204, Assert.Single(delivery.GetProperty("attempts").EnumerateArray()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_subscription_gets_the_events_accepted_from_its_creation_on()
    {
        var admin = await ClientForAsync(AccessRole.Admin);
        await using var listener = await WebhookListener.StartAsync(Secret);
        (await PostEventAsync(Chain.Json(Chain.Sale("T-1", 1)))).EnsureSuccessStatusCode();
        var beforeAnySubscription = await RelayAndDeliverAsync();

        await Subscriptions.AddAsync(admin, listener.Url, Secret, "sale");
        (await PostEventAsync(Chain.Json(Chain.Sale("T-2", 1)))).EnsureSuccessStatusCode();
        await RelayAndDeliverAsync();

        Assert.Equal(new DispatchSummary(0, 0, 0), beforeAnySubscription);
        Assert.Equal(["T-2"], listener.Posts.Select(TransactionId));
    }

    [Fact]
    public async Task A_receiver_holding_another_secret_refuses_the_post_and_it_stays_pending()
    {
        var admin = await ClientForAsync(AccessRole.Admin);
        await using var listener = await WebhookListener.StartAsync("not-the-secret-it-was-signed-with");
        var id = await Subscriptions.AddAsync(admin, listener.Url, Secret, "sale");

        (await PostEventAsync(Chain.Json(Chain.Sale("T-1", 1)))).EnsureSuccessStatusCode();
        var summary = await RelayAndDeliverAsync();

        Assert.Equal((new DispatchSummary(0, 1, 0), 1), (summary, listener.Forged));
        Assert.Empty(listener.Posts);
        var delivery = Assert.Single(await DeliveriesAsync(admin, id));
        Assert.Equal(("pending", 401, 401), (delivery.GetProperty("state").GetString(), delivery.GetProperty("lastStatus").GetInt32(),
            delivery.GetProperty("attempts")[0].GetProperty("status").GetInt32()));
    }

    [Fact]
    public async Task A_receiver_that_was_down_gets_the_delivery_once_it_is_back_with_the_failed_attempt_in_the_log()
    {
        var admin = await ClientForAsync(AccessRole.Admin);
        await using var listener = await WebhookListener.StartAsync(Secret);
        var id = await Subscriptions.AddAsync(admin, listener.Url, Secret, "sale");
        await listener.StopAsync();

        (await PostEventAsync(Chain.Json(Chain.Sale("T-1", 1)))).EnsureSuccessStatusCode();
        var whileDown = await RelayAndDeliverAsync();
        await listener.StartAsync();
        var beforeDue = await RelayAndDeliverAsync();
        _clock.Advance(TimeSpan.FromSeconds(FirstRetrySeconds));
        var onceDue = await RelayAndDeliverAsync();

        Assert.Equal((new DispatchSummary(0, 1, 0), DispatchSummary.None, new DispatchSummary(1, 0, 0)), (whileDown, beforeDue, onceDue));
        Assert.Single(listener.Posts);
        var delivery = Assert.Single(await DeliveriesAsync(admin, id));
        Assert.Equal("delivered", delivery.GetProperty("state").GetString());
        var attempts = delivery.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(JsonValueKind.Null, attempts[0].GetProperty("status").ValueKind);
        Assert.False(string.IsNullOrEmpty(attempts[0].GetProperty("error").GetString()), "the refused attempt says why");
        Assert.Equal(204, attempts[1].GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_with_growing_waits_up_to_the_cap_then_the_delivery_fails()
    {
        var admin = await ClientForAsync(AccessRole.Admin);
        var (listener, id) = await SaleSubscriberAsync(admin, HttpStatusCode.InternalServerError);
        await using var _ = listener;

        var waits = new List<TimeSpan>();
        await RelayAndDeliverAsync();
        for (var attempt = 1; attempt < MaxAttempts; attempt++)
        {
            var pending = Assert.Single(await DeliveriesAsync(admin, id));
            var nextAttemptAt = pending.GetProperty("nextAttemptAt").GetDateTimeOffset();
            waits.Add(nextAttemptAt - pending.GetProperty("attempts")[attempt - 1].GetProperty("attemptedAt").GetDateTimeOffset());
            _clock.MoveTo(nextAttemptAt - TimeSpan.FromSeconds(1));
            Assert.Equal(DispatchSummary.None, await RelayAndDeliverAsync());
            _clock.MoveTo(nextAttemptAt);
            await RelayAndDeliverAsync();
        }

        // Each wait is the doubled one, capped, less up to a quarter at random.
        Assert.All(waits.Zip([10, 20, 30, 30]), w => Assert.InRange(w.First.TotalSeconds, w.Second * 0.75, w.Second));
        var failed = Assert.Single(await DeliveriesAsync(admin, id));
        Assert.Equal(("failed", JsonValueKind.Null), (failed.GetProperty("state").GetString(), failed.GetProperty("nextAttemptAt").ValueKind));
        Assert.All(failed.GetProperty("attempts").EnumerateArray(), a => Assert.Equal(500, a.GetProperty("status").GetInt32()));
        Assert.Equal(MaxAttempts, listener.Posts.Count);
        Assert.Single(listener.Posts.Select(p => (p.DeliveryId, p.Body.GetRawText())).Distinct());
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(DispatchSummary.None, await RelayAndDeliverAsync());
    }

    [Fact]
    public async Task A_delivery_claimed_by_a_run_that_died_is_sent_once_its_claim_lapses()
    {
        var admin = await ClientForAsync(AccessRole.Admin);
        var (listener, id) = await SaleSubscriberAsync(admin, HttpStatusCode.OK);
        await using var _ = listener;
        await Store.Webhooks.RelayEventsAsync(CancellationToken.None);
        var lease = TimeSpan.FromMinutes(1);

        var claimedByTheDeadRun = await Store.Webhooks.Deliveries.ClaimDueAsync(_clock.GetUtcNow(), lease, 10, CancellationToken.None);
        _clock.Advance(lease - TimeSpan.FromSeconds(1));
        var whileClaimed = await RelayAndDeliverAsync();
        _clock.Advance(TimeSpan.FromSeconds(1));
        var onceLapsed = await RelayAndDeliverAsync();

        Assert.Single(claimedByTheDeadRun);
        Assert.Equal((DispatchSummary.None, new DispatchSummary(1, 0, 0)), (whileClaimed, onceLapsed));
        Assert.Single(listener.Posts);
        var delivery = Assert.Single(await DeliveriesAsync(admin, id));
        Assert.Equal(2, Assert.Single(delivery.GetProperty("attempts").EnumerateArray()).GetProperty("attempt").GetInt32());
    }

    [Fact]
    public async Task Relays_and_dispatchers_running_at_once_deliver_each_message_once_per_subscription()
    {
        var admin = await ClientForAsync(AccessRole.Admin);
        await using var first = await WebhookListener.StartAsync(Secret);
        await using var second = await WebhookListener.StartAsync(Secret);
        await Subscriptions.AddAsync(admin, first.Url, Secret, "sale");
        await Subscriptions.AddAsync(admin, second.Url, Secret, "sale", "return");
        var sales = Enumerable.Range(1, 12).Select(i => $"T-{i:D2}").ToList();
        foreach (var sale in sales)
        {
            (await PostEventAsync(Chain.Json(Chain.Sale(sale, 1)))).EnsureSuccessStatusCode();
        }

        // On threads of their own: SQLite's calls complete synchronously, so started one after another they would not overlap.
        var published = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Store.Webhooks.RelayEventsAsync(CancellationToken.None))));
        var dispatcher = Services.GetRequiredService<WebhookDispatcher>();
        var summaries = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => dispatcher.DeliverDueAsync(CancellationToken.None))));

        Assert.Equal(sales.Count, published.Sum());
        Assert.Equal(2 * sales.Count, summaries.Sum(s => s.Delivered));
        foreach (var listener in new[] { first, second })
        {
            Assert.Equal(sales, listener.Posts.Select(TransactionId).Order());
            Assert.Equal(sales.Count, listener.Posts.Select(p => p.DeliveryId).Distinct().Count());
        }
    }

    [Fact]
    public async Task A_message_published_by_another_stage_reaches_the_subscribers_of_its_kind()
    {
        var admin = await ClientForAsync(AccessRole.Admin);
        await using var listener = await WebhookListener.StartAsync(Secret);
        await Subscriptions.AddAsync(admin, listener.Url, Secret, "inventory_movement");

        await Store.Webhooks.PublishAsync("inventory_movement", """{"sku":"MUG-001","onHand":2}""", CancellationToken.None);
        await Store.Webhooks.PublishAsync("sale", """{"nobody":"wants this"}""", CancellationToken.None);
        await RelayAndDeliverAsync();

        Assert.Equal("""{"sku":"MUG-001","onHand":2}""", Assert.Single(listener.Posts).Body.GetProperty("data").GetRawText());
        await Assert.ThrowsAsync<ArgumentException>(() => Store.Webhooks.PublishAsync("low_stock_rumour", "{}", CancellationToken.None));
    }

    [Fact]
    public async Task A_generated_secret_is_answered_once_signs_the_messages_and_is_never_listed_or_logged()
    {
        var admin = await ClientForAsync(AccessRole.Admin);
        using var added = await admin.PostAsync(new Uri("/v1/webhooks", UriKind.Relative), Json("""{"url":"http://127.0.0.1:1/unused","kinds":["sale"]}"""));
        var secret = (await BodyAsync(added)).GetProperty("secret").GetString()!;
        await using var listener = await WebhookListener.StartAsync(secret);
        await Subscriptions.AddAsync(admin, listener.Url, secret, "sale");

        (await PostEventAsync(Chain.Json(Chain.Sale("T-1", 1)))).EnsureSuccessStatusCode();
        await RelayAndDeliverAsync();
        using var listed = await admin.GetAsync(new Uri("/v1/webhooks", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.True(secret.Length >= WebhookRules.MinSecretLength, "a generated secret is long enough to sign with");
        Assert.Single(listener.Posts);
        Assert.Equal(0, listener.Forged);
        Assert.Equal(2, (await BodyAsync(listed)).GetArrayLength());
        Assert.DoesNotContain(secret, await listed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal) || line.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_removed_subscription_gets_no_more_messages_and_its_pending_delivery_fails()
    {
        var admin = await ClientForAsync(AccessRole.Admin);
        var (listener, id) = await SaleSubscriberAsync(admin, HttpStatusCode.ServiceUnavailable);
        await using var _ = listener;
        await RelayAndDeliverAsync();

        using var removed = await admin.DeleteAsync(new Uri($"/v1/webhooks/{id}", UriKind.Relative));
        using var unknown = await admin.DeleteAsync(new Uri("/v1/webhooks/000000000000", UriKind.Relative));
        listener.Answer = HttpStatusCode.OK;
        (await PostEventAsync(Chain.Json(Chain.Sale("T-2", 1)))).EnsureSuccessStatusCode();
        _clock.Advance(TimeSpan.FromHours(1));
        var afterRemoval = await RelayAndDeliverAsync();

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (removed.StatusCode, unknown.StatusCode));
        Assert.Equal(DispatchSummary.None, afterRemoval);
        Assert.Single(listener.Posts);
        var delivery = Assert.Single(await DeliveriesAsync(admin, id));
        Assert.Equal("failed", delivery.GetProperty("state").GetString());
        Assert.Contains("removed", delivery.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var listed = Assert.Single((await BodyAsync(await admin.GetAsync(new Uri("/v1/webhooks", UriKind.Relative)))).EnumerateArray());
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("removedAt").ValueKind);
    }

    [Theory]
    [InlineData("""{"url":"ftp://example.com/hook","kinds":["sale"]}""", 422, "url", "not_allowed")]
    [InlineData("""{"url":"/relative/hook","kinds":["sale"]}""", 422, "url", "not_allowed")]
    [InlineData("""{"url":"https://user:pw@example.com/hook","kinds":["sale"]}""", 422, "url", "not_allowed")]
    [InlineData("""{"url":"https://example.com/hook","kinds":["sale","refunds"]}""", 422, "kinds[1]", "reference")]
    [InlineData("""{"url":"https://example.com/hook","kinds":[]}""", 422, "kinds", "required")]
    [InlineData("""{"url":"https://example.com/hook","kinds":["sale"],"secret":"short"}""", 422, "secret", "not_allowed")]
    [InlineData("""{"url":"https://example.com/hook","kinds":["sale"],"events":["sale"]}""", 400, "events", "malformed")]
    [InlineData("""{"url":"https://example.com/hook","kinds":"sale"}""", 400, "kinds", "malformed")]
    public async Task A_wrong_subscription_is_refused_naming_the_field_and_nothing_is_stored(string body, int status, string field, string rule)
    {
        var admin = await ClientForAsync(AccessRole.Admin);

        using var response = await admin.PostAsync(new Uri("/v1/webhooks", UriKind.Relative), Json(body));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var error = (await BodyAsync(response)).GetProperty("errors")[0];
        Assert.Equal((field, rule), (error.GetProperty("field").GetString(), error.GetProperty("rule").GetString()));
        Assert.Empty(await Store.Webhooks.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Only_an_admin_key_manages_webhooks()
    {
        var admin = await ClientForAsync(AccessRole.Admin);
        var id = await Subscriptions.AddAsync(admin, "https://example.com/hook", Secret, "sale");
        var others = new[] { Client, await ClientForAsync(AccessRole.Merchandiser), await ClientForAsync(AccessRole.StoreManager, Chain.StoreId) };

        foreach (var client in others.Append(ClientWithToken(null)))
        {
            using var add = await client.PostAsync(new Uri("/v1/webhooks", UriKind.Relative), Json("""{"url":"https://example.com/other","kinds":["sale"]}"""));
            using var list = await client.GetAsync(new Uri("/v1/webhooks", UriKind.Relative));
            using var deliveries = await client.GetAsync(new Uri($"/v1/webhooks/{id}/deliveries", UriKind.Relative));
            using var remove = await client.DeleteAsync(new Uri($"/v1/webhooks/{id}", UriKind.Relative));
            var expected = client.DefaultRequestHeaders.Authorization is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
            Assert.All([add, list, deliveries, remove], r => Assert.Equal(expected, r.StatusCode));
        }

        var still = Assert.Single(await Store.Webhooks.ListAsync(CancellationToken.None));
        Assert.Null(still.RemovedAt);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_webhook_routes_for_admin_keys()
    {
        using var response = await Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        var paths = (await BodyAsync(response)).GetProperty("paths");
        foreach (var (route, method) in new[] { ("/v1/webhooks", "post"), ("/v1/webhooks", "get"), ("/v1/webhooks/{id}", "delete"), ("/v1/webhooks/{id}/deliveries", "get") })
        {
            var operation = paths.GetProperty(route).GetProperty(method);
            Assert.True(operation.TryGetProperty("security", out _), $"{method} {route} names its key");
            Assert.Equal("Keys of the roles: admin.", operation.GetProperty("description").GetString());
        }
    }

    [Fact]
    public async Task Deliveries_that_failed_together_are_not_all_retried_at_the_same_moment()
    {
        var admin = await ClientForAsync(AccessRole.Admin);
        await using var first = await WebhookListener.StartAsync(Secret);
        await using var second = await WebhookListener.StartAsync(Secret);
        first.Answer = second.Answer = HttpStatusCode.ServiceUnavailable;
        string[] ids = [await Subscriptions.AddAsync(admin, first.Url, Secret, "sale"), await Subscriptions.AddAsync(admin, second.Url, Secret, "sale")];
        (await PostEventAsync(Chain.Json(Chain.Sale("T-1", 1)))).EnsureSuccessStatusCode();

        Assert.Equal(new DispatchSummary(0, 2, 0), await RelayAndDeliverAsync());

        var retries = new List<DateTimeOffset>();
        foreach (var id in ids)
        {
            retries.Add(Assert.Single(await DeliveriesAsync(admin, id)).GetProperty("nextAttemptAt").GetDateTimeOffset());
        }

        Assert.NotEqual(retries[0], retries[1]);
    }

    [Fact]
    public async Task Settled_deliveries_leave_the_log_after_the_days_it_keeps_them_and_pending_ones_stay_deliverable()
    {
        var admin = await ClientForAsync(AccessRole.Admin);
        var dispatcher = Services.GetRequiredService<WebhookDispatcher>();
        await using var taking = await WebhookListener.StartAsync(Secret);
        var takingId = await Subscriptions.AddAsync(admin, taking.Url, Secret, "sale");
        var (refusing, refusingId) = await SaleSubscriberAsync(admin, HttpStatusCode.ServiceUnavailable);
        await using var _ = refusing;
        await RelayAndDeliverAsync();
        var prunedAtOnce = await dispatcher.PruneAsync(CancellationToken.None);

        _clock.Advance(TimeSpan.FromDays(KeepDays) + TimeSpan.FromMinutes(1));
        var prunedLater = await dispatcher.PruneAsync(CancellationToken.None);
        var takenLog = await DeliveriesAsync(admin, takingId);
        refusing.Answer = HttpStatusCode.OK;
        var afterPruning = await RelayAndDeliverAsync();

        Assert.Equal((0, 1), (prunedAtOnce, prunedLater));
        Assert.Single(taking.Posts);
        Assert.Empty(takenLog);
        Assert.Equal(new DispatchSummary(1, 0, 0), afterPruning);
        var kept = Assert.Single(await DeliveriesAsync(admin, refusingId));
        Assert.Equal(("delivered", 2), (kept.GetProperty("state").GetString(), kept.GetProperty("attempts").GetArrayLength()));
        Assert.Equal(TransactionId(Assert.Single(taking.Posts)), TransactionId(refusing.Posts[^1]));
    }

    /// <summary>A listener answering <paramref name="answer"/>, subscribed to sales, and sale T-1 posted (not yet relayed).</summary>
    private async Task<(WebhookListener Listener, string SubscriptionId)> SaleSubscriberAsync(HttpClient admin, HttpStatusCode answer)
    {
        var listener = await WebhookListener.StartAsync(Secret);
        listener.Answer = answer;
        var id = await Subscriptions.AddAsync(admin, listener.Url, Secret, "sale");
        (await PostEventAsync(Chain.Json(Chain.Sale("T-1", 1)))).EnsureSuccessStatusCode();
        return (listener, id);
    }

    private static async Task<List<JsonElement>> DeliveriesAsync(HttpClient admin, string subscriptionId)
    {
        using var response = await admin.GetAsync(new Uri($"/v1/webhooks/{subscriptionId}/deliveries", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await BodyAsync(response)).EnumerateArray()];
    }

    /// <summary>What the server's background run does once: relay the new events, then deliver what is due.</summary>
    private async Task<DispatchSummary> RelayAndDeliverAsync()
    {
        await Store.Webhooks.RelayEventsAsync(CancellationToken.None);
        return await Services.GetRequiredService<WebhookDispatcher>().DeliverDueAsync(CancellationToken.None);
    }

    private static string TransactionId(WebhookListener.Received post) =>
        post.Body.GetProperty("data").GetProperty("event").GetProperty("body").GetProperty("transactionId").GetString()!;

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
