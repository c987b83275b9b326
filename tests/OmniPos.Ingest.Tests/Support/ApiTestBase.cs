using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using OmniPos.Core.Access;
using OmniPos.Core.Storage;
using OmniPos.TestApi;
using OmniPos.TestServers;

namespace OmniPos.Ingest.Tests.Support;

/// <summary>A fresh store of one engine, seeded with <see cref="Chain"/>, behind the API on a loopback port; each engine enrolls every test.</summary>
public abstract class ApiTestBase(StoreSource stores) : IAsyncLifetime
{
    private ApiHost? _host;

    protected IOperationalStore Store { get; private set; } = null!;

    /// <summary>Every line the API logged.</summary>
    private protected RecordingLoggerProvider Logs { get; } = new();

    /// <summary>A client with the key of the chain's register, as a register posts.</summary>
    protected HttpClient Client { get; private set; } = null!;

    /// <summary>Configuration the test class runs the API with, over the defaults.</summary>
    private protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>The clock the store and the API run on.</summary>
    private protected virtual TimeProvider Clock => TimeProvider.System;

    /// <summary>The running API's services.</summary>
    private protected IServiceProvider Services => Host.Services;

    private ApiHost Host => _host ?? throw new InvalidOperationException("the API has not started");

    public async Task InitializeAsync()
    {
        Store = await OperationalStore.OpenAsync(await stores.NewStoreAsync(), Path.GetTempPath(), Clock, NullLoggerFactory.Instance, CancellationToken.None);
        await Chain.SeedAsync(Store);
        _host = await ApiHost.StartAsync(Store, Clock, Settings, Logs);
        Client = await ClientForAsync(AccessRole.Register, Chain.StoreId, Chain.RegisterId);
    }

    /// <summary>A client presenting a new key of the role and scope.</summary>
    protected async Task<HttpClient> ClientForAsync(AccessRole role, string? storeId = null, string? deviceId = null) =>
        Host.NewClient((await Store.CreateKeyAsync(role, storeId, deviceId, CancellationToken.None)).Token);

    /// <summary>A client that presents the token given, or none.</summary>
    protected HttpClient ClientWithToken(string? token) => Host.NewClient(token);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await Store.DisposeAsync();
        stores.CleanUp();
    }

    protected Task<HttpResponseMessage> PostEventAsync(string json) => PostEventAsync(Client, json);

    protected static Task<HttpResponseMessage> PostEventAsync(HttpClient client, string json) =>
        client.PostAsync(new Uri("/v1/events", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    protected static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
