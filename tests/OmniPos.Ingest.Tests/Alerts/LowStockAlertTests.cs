using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OmniPos.Core.Access;
using OmniPos.Core.Inventory;
using OmniPos.Core.Replenishment;
using OmniPos.Ingest.Tests.Support;
using OmniPos.Ingest.Tests.Webhooks;
using OmniPos.Ingest.Webhooks;
using OmniPos.TestApi;

namespace OmniPos.Ingest.Tests.Alerts;

/// <summary>
/// Issue #7's acceptance: stock driven down through real sales posted to the API crosses the reorder point once, and the
/// store hears of it once, in its inbox and at a real webhook listener, however often the sweep runs while it stays low;
/// a receipt brings stock back and resolves it, and the listener hears that too. The sweep is what the alerts job runs.
/// </summary>
public abstract class LowStockAlertTests(StoreSource stores) : ApiTestBase(stores)
{
    private const string Secret = "a-secret-for-the-low-stock-hooks";
    private const string Mug = "MUG-001";

    [Fact]
    public async Task Stock_sold_below_the_reorder_point_raises_one_alert_in_the_inbox_and_at_the_webhook_then_a_receipt_resolves_it()
    {
        var admin = await ClientForAsync(AccessRole.Admin);
        var manager = await ClientForAsync(AccessRole.StoreManager, Chain.StoreId);
        await using var listener = await WebhookListener.StartAsync(Secret);
        await Subscriptions.AddAsync(admin, listener.Url, Secret, StockReplenishment.OpenedKind, StockReplenishment.ResolvedKind);
        await Store.Replenishment.ReplacePoliciesAsync([new ReorderPolicy(Chain.StoreId, Mug, 8, 30, 5, 5.0, 1.0)], CancellationToken.None);

        await PostAsync(Chain.Receipt(Mug, 20));
        var stocked = await SweepAsync();
        await PostAsync(Chain.Sale("T-1", 10));
        var atTen = await SweepAsync();
        await PostAsync(Chain.Sale("T-2", 4));
        var atSix = await SweepAsync();
        await PostAsync(Chain.Sale("T-3", 2));
        var atFour = await SweepAsync();
        await DeliverAsync();

        Assert.Equal((0, 0, 1, 0), (stocked.Opened.Count, atTen.Opened.Count, atSix.Opened.Count, atFour.Opened.Count));
        var opened = Assert.Single(listener.Posts);
        Assert.Equal(StockReplenishment.OpenedKind, opened.Kind);
        var data = opened.Body.GetProperty("data");
        Assert.Equal((Chain.StoreId, Mug, 6, 8, StockAlert.BelowReorderPoint),
            (data.GetProperty("storeId").GetString(), data.GetProperty("sku").GetString(), data.GetProperty("available").GetInt32(),
                data.GetProperty("reorderPoint").GetInt32(), data.GetProperty("reason").GetString()));
        var inbox = await InboxAsync(manager);
        var alert = Assert.Single(inbox);
        Assert.Equal(data.GetProperty("alertId").GetInt64(), alert.GetProperty("alertId").GetInt64());

        using (var acknowledged = await manager.PostAsync(new Uri($"/v1/alerts/{alert.GetProperty("alertId").GetInt64()}/acknowledge", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        }

        await PostAsync(Chain.Receipt(Mug, 30));
        var restocked = await SweepAsync();
        await DeliverAsync();

        var resolved = Assert.Single(restocked.Resolved);
        Assert.Equal((34, 0), (resolved.ResolvedAvailable, restocked.Opened.Count));
        Assert.Equal([StockReplenishment.OpenedKind, StockReplenishment.ResolvedKind], listener.Posts.Select(p => p.Kind));
        Assert.Equal(alert.GetProperty("alertId").GetInt64(), listener.Posts[1].Body.GetProperty("data").GetProperty("alertId").GetInt64());
        Assert.Empty(await InboxAsync(manager));
        var closed = Assert.Single(await InboxAsync(manager, "resolved"));
        Assert.False(closed.GetProperty("acknowledgedAt").ValueKind == JsonValueKind.Null, "the acknowledgement is kept");
    }

    [Fact]
    public async Task A_store_manager_sees_only_its_own_store_and_another_stores_alert_is_not_found()
    {
        await Store.Replenishment.ReplacePoliciesAsync([new ReorderPolicy(Chain.StoreId, Mug, 8, 30, 5, 5.0, 1.0)], CancellationToken.None);
        await PostAsync(Chain.Receipt(Mug, 3));
        var alert = Assert.Single((await SweepAsync()).Opened);
        var neighbour = await ClientForAsync(AccessRole.StoreManager, Chain.OtherStoreId);

        Assert.Empty(await InboxAsync(neighbour));
        using var asked = await neighbour.GetAsync(new Uri($"/v1/alerts?store={Chain.StoreId}", UriKind.Relative));
        using var acknowledged = await neighbour.PostAsync(new Uri($"/v1/alerts/{alert.AlertId}/acknowledge", UriKind.Relative), null);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.NotFound), (asked.StatusCode, acknowledged.StatusCode));
        Assert.Equal(StockAlert.StockoutExpected, alert.Reason);
    }

    [Fact]
    public async Task A_snoozed_alert_leaves_the_inbox_until_its_time_and_a_snooze_into_the_past_is_refused()
    {
        var manager = await ClientForAsync(AccessRole.StoreManager, Chain.StoreId);
        await Store.Replenishment.ReplacePoliciesAsync([new ReorderPolicy(Chain.StoreId, Mug, 8, 30, 5, 5.0, 1.0)], CancellationToken.None);
        await PostAsync(Chain.Receipt(Mug, 3));
        var alert = Assert.Single((await SweepAsync()).Opened);

        using var snoozed = await SnoozeAsync(manager, alert.AlertId, """{"hours": 4}""");
        using var backwards = await SnoozeAsync(manager, alert.AlertId, """{"hours": -1}""");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity), (snoozed.StatusCode, backwards.StatusCode));
        Assert.Empty(await InboxAsync(manager));
        Assert.Equal(alert.AlertId, Assert.Single(await InboxAsync(manager, "snoozed")).GetProperty("alertId").GetInt64());
        Assert.Empty((await SweepAsync()).Opened);
    }

    [Fact]
    public async Task An_open_purchase_order_counts_as_on_order_until_the_receipt_naming_it_brings_its_units()
    {
        var merchandiser = await ClientForAsync(AccessRole.Merchandiser);
        await Store.Replenishment.ReplacePoliciesAsync([new ReorderPolicy(Chain.StoreId, Mug, 8, 30, 5, 5.0, 1.0)], CancellationToken.None);
        await PostAsync(Chain.Receipt(Mug, 6));

        using var placed = await PlaceOrderAsync(merchandiser, 10);
        using var placedAgain = await PlaceOrderAsync(merchandiser, 10);
        using var changed = await PlaceOrderAsync(merchandiser, 12);
        var whileOrdered = await SweepAsync();
        await PostAsync(Chain.Event(new InventoryMoved(MovementKind.Receipt, Mug, 10, UnitCost: 3.00m, Reference: "PO-1")));
        var received = await SweepAsync();
        var open = await OrdersAsync(merchandiser, "open");
        var all = await OrdersAsync(merchandiser, "all");
        await PostAsync(Chain.Sale("T-1", 10));
        var sold = await SweepAsync();

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict), (placed.StatusCode, placedAgain.StatusCode, changed.StatusCode));
        Assert.Equal((0, 0), (whileOrdered.Opened.Count, received.Opened.Count));
        Assert.Empty(open);
        Assert.Equal((10, 10), (Assert.Single(all).GetProperty("units").GetInt32(), all[0].GetProperty("receivedUnits").GetInt32()));
        Assert.Equal(6, Assert.Single(sold.Opened).Available);
    }

    private static Task<HttpResponseMessage> PlaceOrderAsync(HttpClient client, int units) =>
        client.PostAsync(new Uri("/v1/purchase-orders", UriKind.Relative),
            new StringContent($$"""{"orderId": "PO-1", "storeId": "{{Chain.StoreId}}", "sku": "{{Mug}}", "units": {{units}}}""", Encoding.UTF8, "application/json"));

    private static async Task<List<JsonElement>> OrdersAsync(HttpClient client, string state)
    {
        using var response = await client.GetAsync(new Uri($"/v1/purchase-orders?state={state}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray()];
    }

    private async Task PostAsync(Core.Events.PosEvent e) => (await PostEventAsync(Chain.Json(e))).EnsureSuccessStatusCode();

    private Task<AlertSweep> SweepAsync() => Store.Replenishment.SweepAsync(CancellationToken.None);

    private async Task DeliverAsync() => await Services.GetRequiredService<WebhookDispatcher>().DeliverDueAsync(CancellationToken.None);

    private static async Task<List<JsonElement>> InboxAsync(HttpClient client, string? state = null)
    {
        using var response = await client.GetAsync(new Uri(state is null ? "/v1/alerts" : $"/v1/alerts?state={state}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray()];
    }

    private static Task<HttpResponseMessage> SnoozeAsync(HttpClient client, long alertId, string body) =>
        client.PostAsync(new Uri($"/v1/alerts/{alertId}/snooze", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
}
