using OmniPos.Warehouse.Lake;
using OmniPos.Warehouse.Queries;
using OmniPos.Warehouse.Tests.Queries;
using OmniPos.Warehouse.Tests.Support;

namespace OmniPos.Warehouse.Tests.Lake;

public sealed class CompactionTests() : WarehouseTestBase(new SqliteEngine())
{
    private static readonly QueryFilter Week = new(SalesWeek.Monday, SalesWeek.Thursday);

    [Fact]
    public async Task Compaction_merges_each_partitions_parts_into_one_file_holding_the_same_rows()
    {
        await AppendAsync([.. SalesWeek.Events()]);
        await Warehouse.LandAsync(Store, new LandingOptions(EventsPerRun: 3, PageSize: 2));
        var rowsBefore = LakeRows();
        var salesBefore = Warehouse.Query(AnalyticQueries.SalesByChannelDay, Week);
        Assert.Contains(ManifestFilesPerPartition(), p => p.Files > 1);

        var (partitions, merged) = await Warehouse.CompactAsync();

        Assert.True(partitions > 0 && merged > partitions, $"{partitions} partitions, {merged} files merged");
        Assert.All(ManifestFilesPerPartition(), p => Assert.Equal(1, p.Files));
        Assert.Equal(rowsBefore, LakeRows());
        Assert.Equal(ManifestPaths(), FilesOnDisk());
        Assert.Equal(salesBefore, Warehouse.Query(AnalyticQueries.SalesByChannelDay, Week));
        Assert.Equal((0, 0), await Warehouse.CompactAsync());
    }

    [Fact]
    public async Task Landing_after_compaction_adds_parts_beside_the_merged_file()
    {
        var events = SalesWeek.Events();
        await AppendAsync([.. events.Take(10)]);
        await Warehouse.LandAsync(Store, new LandingOptions(EventsPerRun: 4, PageSize: 4));
        await Warehouse.CompactAsync();

        await AppendAsync([.. events.Skip(10)]);
        await Warehouse.LandAsync(Store);
        await Warehouse.CompactAsync();

        Assert.Equal(ManifestPaths(), FilesOnDisk());
        Assert.Equal(events.Count, Sql($"SELECT count(DISTINCT seq) FROM read_parquet({LakeGlob("fact_transactions")}) UNION ALL " +
            $"SELECT count(DISTINCT seq) FROM read_parquet({LakeGlob("fact_device_events")}) UNION ALL " +
            $"SELECT count(DISTINCT seq) FROM read_parquet({LakeGlob("fact_payment_adjustments")})", r => r.GetInt64(0)).Sum());
    }

    /// <summary>Every fact row of the lake, as text, table by table.</summary>
    private List<string> LakeRows() =>
    [
        .. FactTables.FromEvents.Where(t => Directory.Exists(Path.Combine(Warehouse.LakePath, t))).SelectMany(t =>
            Sql($"SELECT '{t}: ' || f::VARCHAR FROM (SELECT * FROM read_parquet({LakeGlob(t)}) ORDER BY ALL) f", r => r.GetString(0))),
    ];

    private List<(string Table, DateOnly Date, long Files)> ManifestFilesPerPartition() =>
        Sql("SELECT lake_table, business_date, count(*) FROM lake_manifest GROUP BY ALL ORDER BY ALL", r => (r.GetString(0), r.GetDate(1), r.GetInt64(2)));

    private List<string> ManifestPaths() => Sql("SELECT path FROM lake_manifest ORDER BY path", r => r.GetString(0));

    private List<string> FilesOnDisk() =>
    [
        .. Directory.EnumerateFiles(Warehouse.LakePath, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Warehouse.LakePath, f).Replace('\\', '/')).Order(StringComparer.Ordinal),
    ];
}
