using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using OmniPos.Core.Access;
using OmniPos.Core.Storage;
using OmniPos.Ingest.Simulation;
using OmniPos.TestApi;
using OmniPos.Warehouse;

namespace OmniPos.Dashboards.Tests.Support;

/// <summary>
/// A server holding demo data, as `omnipos serve` runs it (the API and the dashboards on a loopback port, over a real
/// SQLite store and warehouse): a small seeded chain simulated, posted through the API and landed once for the class;
/// keys of the roles the pages are for; and Debian's Chromium, headless, driven by Playwright.
/// </summary>
public sealed class DemoServer : IAsyncLifetime
{
    public static readonly SimulationOptions World = new() { Days = 63, Stores = 3, Skus = 120, Customers = 200, Seed = 11, ShopUnitsPerDay = 120, Fraud = new FraudOptions().Scaled(0, 0) };

    private const string Chromium = "/usr/bin/chromium";
    private readonly string _folder = Directory.CreateTempSubdirectory("omnipos-dashboards-").FullName;
    private IOperationalStore _store = null!;
    private ApiHost _server = null!;
    private IPlaywright _playwright = null!;

    public string DataDirectory => _folder;

    public Uri Address => _server.Address;

    public IBrowser Browser { get; private set; } = null!;

    public string MerchandiserKey { get; private set; } = null!;

    /// <summary>A store manager's key, and the store it reads.</summary>
    public (string Key, string StoreId) StoreManager { get; private set; }

    public IReadOnlyList<string> Shops { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _store = await OperationalStore.OpenAsync(new StoreOptions { Provider = "sqlite", ConnectionString = Path.Combine(_folder, "ops.db") }, _folder,
            TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);
        var world = RetailWorld.Create(World);
        await using (var api = await ApiHost.StartAsync(_store, TimeProvider.System, new Dictionary<string, string?>(), NullLoggerProvider.Instance))
        {
            await SimulationRun.RunAsync(world, _store, api.NewClient(null), _folder, _ => { }, CancellationToken.None);
        }

        using (var warehouse = AnalyticsWarehouse.Open(_folder))
        {
            await warehouse.LandAsync(_store, cancellationToken: CancellationToken.None);
        }

        Shops = [.. world.Shops.Select(shop => shop.StoreId)];
        MerchandiserKey = (await _store.CreateKeyAsync(AccessRole.Merchandiser, null, null, CancellationToken.None)).Token;
        StoreManager = ((await _store.CreateKeyAsync(AccessRole.StoreManager, Shops[0], null, CancellationToken.None)).Token, Shops[0]);

        _server = await ApiHost.StartAsync(_store, TimeProvider.System, new Dictionary<string, string?>(), NullLoggerProvider.Instance, dashboards: _folder);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true });
    }

    /// <summary>Runs a query on the warehouse the server reads, between its requests.</summary>
    public T Warehouse<T>(Func<AnalyticsWarehouse, T> query)
    {
        using var warehouse = AnalyticsWarehouse.Open(_folder);
        return query(warehouse);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
