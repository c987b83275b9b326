using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OmniPos.Core.Storage;
using OmniPos.Dashboards;
using OmniPos.Ingest;

namespace OmniPos.TestApi;

/// <summary>
/// The ingest API as `omnipos serve` runs it (Kestrel on a loopback port, the real pipeline) over a real store, and the
/// dashboards beside it when given the data directory they read.
/// </summary>
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
        var client = new HttpClient { BaseAddress = Address };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        _clients.Add(client);
        return client;
    }

    /// <summary>Where it listens.</summary>
    public Uri Address => new(_app.Urls.First());

    /// <summary>The API's services, as its routes and background work find them.</summary>
    public IServiceProvider Services => _app.Services;

    /// <param name="clock">The clock the API runs on.</param>
    /// <param name="settings">Configuration over the defaults, as <c>--Ingest:…</c> arguments would give.</param>
    /// <param name="logs">Where every log line of the API goes, at every level.</param>
    /// <param name="dashboards">The data directory whose warehouse the dashboards read; none serves no dashboards.</param>
    public static async Task<ApiHost> StartAsync(
        IOperationalStore store, TimeProvider clock, IReadOnlyDictionary<string, string?> settings, ILoggerProvider logs, string? dashboards = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton(store).AddSingleton(clock).AddIngestApi();
        if (dashboards is not null)
        {
            builder.Services.AddDashboards(dashboards);
        }

        var app = builder.Build();
        app.UseIngestApi();
        if (dashboards is not null)
        {
            app.UseDashboards();
        }

        await app.StartAsync();
        return new ApiHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        await _app.DisposeAsync();
    }
}
