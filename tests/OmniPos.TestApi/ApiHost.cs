using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OmniPos.Core.Storage;
using OmniPos.Ingest;

namespace OmniPos.TestApi;

/// <summary>The ingest API as `omnipos serve` runs it (Kestrel on a loopback port, the real pipeline) over a real store.</summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly List<HttpClient> _clients = [];

    private ApiHost(WebApplication app)
    {
        _app = app;
    }

    /// <summary>A client that presents the key's token on every request (none when null).</summary>
    public HttpClient NewClient(string? token)
    {
        var client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        _clients.Add(client);
        return client;
    }

    /// <summary>The API's services, as its routes and background work find them.</summary>
    public IServiceProvider Services => _app.Services;

    /// <param name="clock">The clock the API runs on.</param>
    /// <param name="settings">Configuration over the defaults, as <c>--Ingest:…</c> arguments would give.</param>
    /// <param name="logs">Where every log line of the API goes, at every level.</param>
    public static async Task<ApiHost> StartAsync(IOperationalStore store, TimeProvider clock, IReadOnlyDictionary<string, string?> settings, ILoggerProvider logs)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton(store).AddSingleton(clock).AddIngestApi();
        var app = builder.Build();
        app.UseIngestApi();
        await app.StartAsync();
        return new ApiHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        await _app.DisposeAsync();
    }
}
