using OmniPos.Core.Access;
using OmniPos.Ingest.Tests.Support;

namespace OmniPos.Ingest.Tests.Webhooks;

/// <summary>The server's own relay and delivery runs, every second here, with nobody calling the dispatcher.</summary>
public abstract class WebhookPumpTests(StoreSource stores) : ApiTestBase(stores)
{
    private const string Secret = "a-test-secret-of-some-length";

    private protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Ingest:Webhooks:PollSeconds"] = "1",
    };

    [Fact]
    public async Task The_server_delivers_a_posted_sale_on_its_own()
    {
        var admin = await ClientForAsync(AccessRole.Admin);
        await using var listener = await WebhookListener.StartAsync(Secret);
        await Subscriptions.AddAsync(admin, listener.Url, Secret, "sale");

        (await PostEventAsync(Chain.Json(Chain.Sale("T-1", 1)))).EnsureSuccessStatusCode();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (listener.Posts.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var received = Assert.Single(listener.Posts);
        Assert.Equal("T-1", received.Body.GetProperty("data").GetProperty("event").GetProperty("body").GetProperty("transactionId").GetString());
    }
}
