using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OmniPos.TestApi;

/// <summary>
/// A receiver as a retailer's system would run one: Kestrel on a loopback port that checks each post's signature the
/// way ingest/README.md tells receivers to (401 when it does not hold), and otherwise answers what the test asks.
/// It can go down and come back on the same port.
/// </summary>
public sealed class WebhookListener(string secret) : IAsyncDisposable
{
    private readonly ConcurrentQueue<Received> _received = new();
    private WebApplication? _app;
    private int _port;
    private int _forged;

    /// <summary>A post that carried a valid signature.</summary>
    public sealed record Received(string DeliveryId, string Kind, JsonElement Body);

    /// <summary>What the listener answers a post whose signature holds.</summary>
    public HttpStatusCode Answer { get; set; } = HttpStatusCode.NoContent;

    /// <summary>Every post whose signature held, in order of arrival, whatever was answered.</summary>
    public IReadOnlyList<Received> Posts => [.. _received];

    /// <summary>How many posts failed the signature check.</summary>
    public int Forged => _forged;

    public string Url => $"http://127.0.0.1:{_port}/hooks/omnipos";

    public static async Task<WebhookListener> StartAsync(string secret)
    {
        var listener = new WebhookListener(secret);
        await listener.StartAsync();
        return listener;
    }

    /// <summary>Listens again on the port it had (a new one the first time).</summary>
    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{_port}");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hooks/omnipos", ReceiveAsync);
        await _app.StartAsync();
        _port = new Uri(_app.Urls.First()).Port;
    }

    /// <summary>Stops listening: posts meet a refused connection.</summary>
    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var timestamp = request.Headers["X-OmniPos-Timestamp"].ToString();
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes(timestamp + ".").Concat(body.ToArray()).ToArray()));
        if (timestamp.Length == 0 || !CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(request.Headers["X-OmniPos-Signature"].ToString())))
        {
            Interlocked.Increment(ref _forged);
            return Results.Unauthorized();
        }

        _received.Enqueue(new Received(request.Headers["X-OmniPos-Delivery"].ToString(), request.Headers["X-OmniPos-Kind"].ToString(),
            JsonDocument.Parse(body.ToArray()).RootElement));
        return Results.StatusCode((int)Answer);
    }
}
