using OmniPos.Core.LossPrevention;
using OmniPos.Core.Storage;
using OmniPos.Warehouse.DuckDb;
using OmniPos.Warehouse.Forecasts;
using OmniPos.Warehouse.History;
using OmniPos.Warehouse.Lake;
using OmniPos.Warehouse.LossPrevention;
using OmniPos.Warehouse.Marts;
using OmniPos.Warehouse.Queries;
using OmniPos.Warehouse.Promotions;
using OmniPos.Warehouse.Schema;

namespace OmniPos.Warehouse;

/// <summary>
/// The warehouse of one data directory: <c>warehouse.duckdb</c> (star schema, marts, the lake's manifest) and the Parquet
/// lake under <c>lake/</c>. DuckDB lets one process at a time open the file; within it, every part shares this object.
/// </summary>
public sealed class AnalyticsWarehouse : IDisposable
{
    public const string DatabaseFile = "warehouse.duckdb";
    public const string LakeFolder = "lake";

    /// <summary>
    /// A landing run writes each table with one COPY partitioned by business date. By default DuckDB closes a date's file
    /// past 524,288 rows or 100 open dates and starts another for it later; a date must have one file per run. And by
    /// default DuckDB checkpoints whenever the write-ahead log passes 16 MB, which a large run's commit always does: the log
    /// is let grow to 1 GB, so a checkpoint comes every few runs, and its work is done for all of them at once.
    /// </summary>
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["partitioned_write_flush_threshold"] = "1000000000",
        ["partitioned_write_max_open_files"] = "100000",
        ["checkpoint_threshold"] = "1GB",
    };

    private readonly DuckDbDatabase _database;
    private readonly SemaphoreSlim _landing = new(1, 1);

    private AnalyticsWarehouse(DuckDbDatabase database, string lakePath)
    {
        _database = database;
        Lake = new LakeFiles(lakePath);
    }

    /// <summary>The lake's root folder.</summary>
    public string LakePath => Lake.Root;

    internal LakeFiles Lake { get; }

    /// <summary>Opens (creating when missing) the warehouse of <paramref name="dataDirectory"/> and brings its schema up to date.</summary>
    public static AnalyticsWarehouse Open(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var database = DuckDbDatabase.Open(Path.Combine(dataDirectory, DatabaseFile), Settings);
        try
        {
            using var connection = database.Connect();
            WarehouseSchema.Migrate(connection);
            return new AnalyticsWarehouse(database, Path.Combine(dataDirectory, LakeFolder));
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Lands everything the store accepted since the last landing (events, settlements, chargebacks) into the lake and the
    /// warehouse, exactly once however often it is interrupted, then (unless <see cref="LandingOptions.RefreshMarts"/> is
    /// false) refreshes the marts. One landing at a time per warehouse.
    /// </summary>
    /// <param name="progress">Told of each step of each run as it completes, on the landing's thread.</param>
    public async Task<LandingReport> LandAsync(IOperationalStore store, LandingOptions? options = null, Action<LandingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new LandingOptions();
        LandingReport report;
        await _landing.WaitAsync(cancellationToken);
        try
        {
            report = await new LakeLanding(this, store, options, progress).LandAsync(cancellationToken);
        }
        finally
        {
            _landing.Release();
        }

        if (options.RefreshMarts)
        {
            await RefreshMartsAsync(cancellationToken);
        }

        return report;
    }

    /// <summary>
    /// Redoes the weekly sell-through of every store and SKU landing changed since the last refresh (landing runs queue
    /// them in their own transactions), in one transaction.
    /// </summary>
    /// <returns>The stores and SKUs redone.</returns>
    public async Task<long> RefreshMartsAsync(CancellationToken cancellationToken = default)
    {
        // Shares the landing's turn: DuckDB would refuse one of two transactions that write the same mart.
        await _landing.WaitAsync(cancellationToken);
        try
        {
            using var connection = Connect();
            return MartRefresh.ApplyPendingWeeks(connection);
        }
        finally
        {
            _landing.Release();
        }
    }

    /// <summary>Merges the lake's part files per table and business date wherever there are at least <paramref name="minimumFiles"/>.</summary>
    /// <returns>The partitions merged and how many files they had.</returns>
    public async Task<(int Partitions, int FilesMerged)> CompactAsync(int minimumFiles = 2, CancellationToken cancellationToken = default)
    {
        // Shares the landing's turn: both rename files and rewrite the manifest.
        await _landing.WaitAsync(cancellationToken);
        try
        {
            using var connection = Connect();
            return new LakeCompaction(connection, Lake).Run(minimumFiles, cancellationToken);
        }
        finally
        {
            _landing.Release();
        }
    }

    /// <summary>Runs one query of the library (<see cref="AnalyticQueries"/>) and returns its typed rows.</summary>
    public IReadOnlyList<TRow> Query<TRow>(AnalyticQuery<TRow> query, QueryFilter filter, CancellationToken cancellationToken = default)
        where TRow : notnull
    {
        using var connection = Connect();
        return query.Run(connection, filter, cancellationToken);
    }

    /// <summary>Runs any query of the library, its rows as objects of its <see cref="AnalyticQuery.RowType"/>.</summary>
    public IReadOnlyList<object> Query(AnalyticQuery query, QueryFilter filter, CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        return query.RunUntyped(connection, filter, cancellationToken);
    }

    /// <summary>
    /// Imports daily sales history in the M5 layout from <paramref name="folder"/> (calendar.csv, sales_train….csv,
    /// sell_prices….csv, each possibly gzipped), replacing any days it held of the same series.
    /// </summary>
    /// <exception cref="HistoryImportException">The folder is not in that layout or a value does not convert; nothing was imported.</exception>
    public HistoryImportReport ImportM5History(string folder, CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        return SalesHistoryImport.ImportM5(connection, folder, cancellationToken);
    }

    /// <summary>
    /// Imports daily sales history from a long CSV (sku, location, date, units, price, promoted; optionally in_stock,
    /// department, category, region), replacing any days it held of the same series.
    /// </summary>
    /// <exception cref="HistoryImportException">A column is missing or unknown, or a line is wrong (the first ones are named); nothing was imported.</exception>
    public HistoryImportReport ImportHistoryCsv(string path, CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        return SalesHistoryImport.ImportLongCsv(connection, path, cancellationToken);
    }

    /// <summary>
    /// Every series' daily demand: the landed sales (a day that ended with an empty shelf is unknown demand) and, before
    /// them, the imported history; null when there is neither.
    /// </summary>
    public SalesHistory? ReadSalesHistory(CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        return SalesHistoryReader.Read(connection, cancellationToken);
    }

    /// <summary>Replaces the stored forecast with a training's, in one transaction, and records the run.</summary>
    public void ReplaceForecasts(ForecastRun run, IReadOnlyList<ForecastRecord> forecasts)
    {
        using var connection = Connect();
        ForecastTables.Replace(connection, run, forecasts);
    }

    /// <summary>The stored forecast of a SKU at a location, or null when the last training did not forecast it.</summary>
    public ForecastRecord? FindForecast(SeriesKey key)
    {
        using var connection = Connect();
        return ForecastTables.Find(connection, key);
    }

    /// <summary>The latest training, or null before the first.</summary>
    public ForecastRun? LatestForecastRun()
    {
        using var connection = Connect();
        return ForecastTables.Latest(connection);
    }

    /// <summary>The first and latest business days of landed transactions, or null before the first landing.</summary>
    public (DateOnly From, DateOnly Through)? LandedSpan()
    {
        using var connection = Connect();
        return ExceptionScan.LandedSpan(connection);
    }

    /// <summary>What every exception rule finds in the business days <paramref name="from"/> to <paramref name="through"/> (inclusive).</summary>
    public IReadOnlyList<ExceptionFinding> FindExceptions(ExceptionThresholds thresholds, DateOnly from, DateOnly through, CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        return ExceptionScan.Run(connection, thresholds, from, through, cancellationToken);
    }

    /// <summary>Every subject-day of <paramref name="grain"/> in the business days <paramref name="from"/> to <paramref name="through"/>.</summary>
    public IReadOnlyList<BehaviourDay> ReadBehaviour(BehaviourGrain grain, DateOnly from, DateOnly through, CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        return ExceptionScan.Behaviour(connection, grain, from, through, cancellationToken);
    }

    /// <summary>Which of the transactions at the given log positions had a card payment charged back.</summary>
    public IReadOnlySet<long> FindChargedBack(IReadOnlyCollection<long> seqs, CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        return ExceptionScan.ChargedBack(connection, seqs, cancellationToken);
    }

    /// <summary>The landed transactions and device events at the given log positions, in log order.</summary>
    public IReadOnlyList<FraudEvidence> ReadEvidence(IReadOnlyCollection<long> seqs, CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        return ExceptionScan.Evidence(connection, seqs, cancellationToken);
    }

    /// <summary>Every promotion some landed sale line carried, with the SKUs and locations it was taken on, by start.</summary>
    public IReadOnlyList<PromotionScope> ReadPromotionScopes(CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        return PromotionSales.Scopes(connection, cancellationToken);
    }

    /// <summary>Every sellable SKU's department, leaf category, cost and price.</summary>
    public IReadOnlyList<CatalogItem> ReadPromotionCatalog(CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        return PromotionSales.Catalog(connection, cancellationToken);
    }

    /// <summary>The sales of the business days <paramref name="from"/> to <paramref name="through"/> per SKU, location and day, with their returns.</summary>
    public IReadOnlyList<SeriesSales> ReadSeriesSales(DateOnly from, DateOnly through, CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        return PromotionSales.Sales(connection, from, through, cancellationToken);
    }

    /// <summary>Replaces the stored promotion results with an analysis', in one transaction, and records the run.</summary>
    public void ReplacePromotionResults(PromotionRun run, IReadOnlyList<PromotionResult> results)
    {
        using var connection = Connect();
        PromotionTables.Replace(connection, run, results);
    }

    /// <summary>The latest analysis' results, ranked by incremental margin.</summary>
    public IReadOnlyList<PromotionResult> ReadPromotionResults()
    {
        using var connection = Connect();
        return PromotionTables.List(connection);
    }

    /// <summary>The latest promotion analysis, or null before the first.</summary>
    public PromotionRun? LatestPromotionRun()
    {
        using var connection = Connect();
        return PromotionTables.Latest(connection);
    }

    /// <summary>A connection of its own for the calling thread; the caller disposes it.</summary>
    internal DuckDbConnection Connect()
    {
        var connection = _database.Connect();
        // Business days are computed when landing; any time-zone arithmetic left to SQL is in UTC, whatever the machine's zone.
        connection.Execute("SET TimeZone = 'UTC'");
        return connection;
    }

    public void Dispose()
    {
        _database.Dispose();
        _landing.Dispose();
    }
}
