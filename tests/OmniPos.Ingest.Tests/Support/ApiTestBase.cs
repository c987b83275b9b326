using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using OmniPos.Core.Storage;

namespace OmniPos.Ingest.Tests.Support;

/// <summary>A fresh store of one engine, seeded with <see cref="Chain"/>, behind the API on a loopback port; each engine enrolls every test.</summary>
public abstract class ApiTestBase(StoreSource stores) : IAsyncLifetime
{
    private ApiHost? _host;

    protected IOperationalStore Store { get; private set; } = null!;

    protected HttpClient Client => (_host ?? throw new InvalidOperationException("the API has not started")).Client;

    public async Task InitializeAsync()
    {
        Store = await OperationalStore.OpenAsync(await stores.NewStoreAsync(), Path.GetTempPath(), TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);
        await Chain.SeedAsync(Store);
        _host = await ApiHost.StartAsync(Store);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await Store.DisposeAsync();
        stores.CleanUp();
    }

    protected Task<HttpResponseMessage> PostEventAsync(string json) =>
        Client.PostAsync(new Uri("/v1/events", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    protected static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
