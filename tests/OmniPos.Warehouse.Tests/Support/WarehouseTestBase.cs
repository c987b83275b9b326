using OmniPos.Core.Events;
using OmniPos.Core.Storage;
using OmniPos.Warehouse.DuckDb;

namespace OmniPos.Warehouse.Tests.Support;

/// <summary>
/// A test's own folder holding an operational store of its engine and a warehouse beside it (warehouse.duckdb and lake/),
/// with helpers to append events and to land them.
/// </summary>
public abstract class WarehouseTestBase(Engine engine) : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("omnipos-warehouse-test-").FullName;

    protected string DataDirectory => _folder;

    protected IOperationalStore Store { get; private set; } = null!;

    protected StoreOptions StoreOptions { get; private set; } = null!;

    protected AnalyticsWarehouse Warehouse { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        StoreOptions = await engine.NewStoreAsync(_folder);
        Store = await Engine.OpenAsync(StoreOptions, _folder);
        await TestChain.SeedAsync(Store);
        Warehouse = AnalyticsWarehouse.Open(_folder);
    }

    public async Task DisposeAsync()
    {
        try
        {
            // Null when InitializeAsync failed part-way.
            Warehouse?.Dispose();
            if (Store is not null)
            {
                await Store.DisposeAsync();
            }
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Appends the events in order; each must be accepted.</summary>
    protected async Task AppendAsync(params PosEvent[] events)
    {
        foreach (var e in events)
        {
            var outcome = await Store.AppendAsync(e, CancellationToken.None);
            Assert.True(outcome.Status == AppendStatus.Accepted, $"{e.EventId}: {outcome.Status} {string.Join("; ", outcome.Errors.Select(x => $"{x.Field} {x.Message}"))}");
        }
    }

    /// <summary>Runs SQL on warehouse.duckdb (the facts, marts and manifest; the lake through read_parquet) and maps its rows.</summary>
    private protected List<T> Sql<T>(string sql, Func<DuckDbReader, T> map)
    {
        using var connection = Warehouse.Connect();
        using var reader = connection.Query(sql);
        return reader.ReadAll(map);
    }

    /// <summary>The lake's files of a table, for read_parquet.</summary>
    protected string LakeGlob(string table) => $"'{Path.Combine(Warehouse.LakePath, table)}/**/*.parquet'";

    /// <summary>Closes the warehouse and opens it again, as a new process would.</summary>
    protected void ReopenWarehouse()
    {
        Warehouse.Dispose();
        Warehouse = AnalyticsWarehouse.Open(_folder);
    }
}
