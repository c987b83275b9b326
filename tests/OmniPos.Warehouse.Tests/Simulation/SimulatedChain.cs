using Microsoft.Extensions.Logging.Abstractions;
using OmniPos.Core.Storage;
using OmniPos.Ingest.Simulation;
using OmniPos.TestApi;
using OmniPos.Warehouse.DuckDb;
using OmniPos.Warehouse.Tests.Support;

namespace OmniPos.Warehouse.Tests.Simulation;

/// <summary>
/// A small seeded chain simulated through the real ingest API into a store of the engine and landed into a warehouse,
/// with fraud rates high enough that every scheme shows up; shared by the tests that check the simulated world.
/// </summary>
public abstract class SimulatedChain(Engine engine) : IAsyncLifetime
{
    public static SimulationOptions Options { get; } = new()
    {
        Days = 119,
        Stores = 4,
        Skus = 300,
        Customers = 400,
        Seed = 11,
        Promotions = 8,
        OfflineRegisterDayShare = 0.03,
        Fraud = new FraudOptions
        {
            DishonestCashiers = 2, Sweethearting = 12, PriceOverrideAbuse = 12, VoidAfterTender = 12, NoSaleBeforeShortage = 12,
            RefundCycling = 12, CardTesting = 8, GiftCardDraining = 8,
        },
    };

    private readonly string _folder = Directory.CreateTempSubdirectory("omnipos-simulated-chain-").FullName;

    public IOperationalStore Store { get; private set; } = null!;

    public AnalyticsWarehouse Warehouse { get; private set; } = null!;

    public SimulationTally Tally { get; private set; } = null!;

    public string TruthFolder => Path.Combine(_folder, SimulationRun.TruthFolder);

    public virtual async Task InitializeAsync()
    {
        var options = await engine.NewStoreAsync(_folder);
        Store = await Engine.OpenAsync(options, _folder);
        await using (var api = await ApiHost.StartAsync(Store, TimeProvider.System, new Dictionary<string, string?>(), NullLoggerProvider.Instance))
        {
            Tally = await SimulationRun.RunAsync(RetailWorld.Create(Options), Store, api.NewClient(null), _folder, null, CancellationToken.None);
        }

        Warehouse = AnalyticsWarehouse.Open(_folder);
        await Warehouse.LandAsync(Store);
    }

    public virtual async Task DisposeAsync()
    {
        Warehouse?.Dispose();
        if (Store is not null)
        {
            await Store.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    internal List<T> Sql<T>(string sql, Func<DuckDbReader, T> map)
    {
        using var connection = Warehouse.Connect();
        using var reader = connection.Query(sql);
        return reader.ReadAll(map);
    }

    /// <summary>Every event id the operational store holds.</summary>
    public async Task<HashSet<string>> StoredEventIdsAsync()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var after = 0L; ;)
        {
            var events = await Store.ReadEventsAsync(after, 10_000, CancellationToken.None);
            if (events.Count == 0)
            {
                return ids;
            }

            ids.UnionWith(events.Select(e => e.EventId));
            after = events[^1].Seq;
        }
    }

    /// <summary>A ground-truth CSV file's rows as column name → value (no field of these files holds a comma).</summary>
    public List<Dictionary<string, string>> Truth(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(TruthFolder, file));
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(x => x.First, x => x.Second, StringComparer.Ordinal))];
    }
}

public sealed class SqliteSimulatedChain() : SimulatedChain(new SqliteEngine());

/// <summary>The chain on a PostgreSQL server of its own, so the class fixture needs no collection.</summary>
public sealed class PostgresSimulatedChain : SimulatedChain
{
    private readonly PostgresEngine _server;

    public PostgresSimulatedChain()
        : this(new PostgresEngine())
    {
    }

    private PostgresSimulatedChain(PostgresEngine server)
        : base(server) => _server = server;

    public override async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _server.DisposeAsync();
    }
}
