using System.Net;
using OmniPos.Core.Access;
using OmniPos.Ingest.Tests.Support;

namespace OmniPos.Ingest.Tests.Access;

/// <summary>A key over its rate is told to wait; other keys are not slowed by it.</summary>
public abstract class RateLimitTests(StoreSource stores) : ApiTestBase(stores)
{
    private protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Ingest:RateLimit:Burst"] = "3",
        ["Ingest:RateLimit:PerSecond"] = "1",
    };

    [Fact]
    public async Task A_burst_over_a_keys_rate_is_answered_429_with_retry_after_and_records_nothing_more()
    {
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
        {
            answers.Add(await PostEventAsync(Chain.Json(Chain.Sale($"T-{i}", 1))));
        }

        var limited = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.All(limited, a => Assert.True(a.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After of a second or more"));
        Assert.Equal("https://omnipos.dev/problems/rate-limited", (await BodyAsync(limited[0])).GetProperty("type").GetString());
        var accepted = answers.Count(a => a.StatusCode == HttpStatusCode.Created);
        Assert.Equal(10, accepted + limited.Count);
        Assert.Equal(accepted, (await Store.ReadEventsAsync(0, 100, CancellationToken.None)).Count);

        var storefront = await ClientForAsync(AccessRole.Storefront, Chain.StoreId, Chain.WebStoreId);
        using var other = await PostEventAsync(storefront, Chain.Json(Chain.Sale("T-web", 1) with { DeviceId = Chain.WebStoreId }));
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
    }
}
