using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OmniPos.Ingest.Tests.Webhooks;

/// <summary>Subscribing through the API, as an admin would.</summary>
internal static class Subscriptions
{
    /// <summary>Subscribes the URL to the kinds, signed with the secret; the subscription's id.</summary>
    public static async Task<string> AddAsync(HttpClient admin, string url, string secret, params string[] kinds)
    {
        using var response = await admin.PostAsJsonAsync(new Uri("/v1/webhooks", UriKind.Relative), new { url, kinds, secret });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("subscription").GetProperty("subscriptionId").GetString()!;
    }
}
