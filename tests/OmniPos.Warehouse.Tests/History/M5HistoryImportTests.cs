using System.Globalization;
using System.IO.Compression;
using OmniPos.TestServers;
using OmniPos.Warehouse.History;
using OmniPos.Warehouse.Tests.Support;

namespace OmniPos.Warehouse.Tests.History;

/// <summary>
/// Issue #7: the M5 (Walmart) subset of ../shared/data/m5 imported through the sales-history import holds, per item and
/// store, what a plain pass over Kaggle's files reads: the units of every day the item had a price there (the days before
/// its first price are unknown demand, not zero), and the calendar's events and SNAP days.
/// </summary>
public sealed class M5HistoryImportTests : IDisposable
{
    private static readonly string[] States = ["CA", "TX", "WI"];
    private static readonly string Folder = Path.GetDirectoryName(RepositoryRoot.SharedData("m5/calendar.csv.gz"))!;

    private readonly TempDirectory _directory = new();
    private readonly AnalyticsWarehouse _warehouse;

    public M5HistoryImportTests() => _warehouse = AnalyticsWarehouse.Open(_directory.Path);

    [Fact]
    public void Every_series_holds_the_units_of_its_priced_days_and_nothing_before_its_first_price()
    {
        var report = _warehouse.ImportM5History(Folder);
        var expected = PlainPass.Read(Folder);

        var history = _warehouse.ReadSalesHistory() ?? throw new InvalidOperationException("no history after the import");
        Assert.Equal((expected.Series.Count, new DateOnly(2011, 1, 29), new DateOnly(2016, 4, 24)), (report.Series, report.First, report.Last));
        Assert.Equal(expected.Series.Keys.Select(k => k.ToString()).Order(), history.Series.Select(s => s.Key.ToString()).Order());
        foreach (var series in history.Series)
        {
            var plain = expected.Series[series.Key];
            var known = series.Units.Take(history.Days).Where(u => !float.IsNaN(u)).ToList();
            Assert.True(
                (plain.PricedDays, plain.Units, plain.FirstPriced) == (known.Count, (long)known.Sum(), history.Calendar.DateOf(series.FirstKnownDay())),
                $"{series.Key}: expected {plain}, the warehouse has {known.Count} days, {known.Sum()} units from {history.Calendar.DateOf(series.FirstKnownDay())}");
        }
    }

    [Fact]
    public void The_calendar_keeps_the_event_type_and_the_snap_states_of_every_day()
    {
        _warehouse.ImportM5History(Folder);
        var expected = PlainPass.Read(Folder);

        var calendar = (_warehouse.ReadSalesHistory() ?? throw new InvalidOperationException("no history")).Calendar;
        Assert.Equal(expected.Days.Count, calendar.Days);
        foreach (var (date, eventType, snapStates) in expected.Days)
        {
            var day = calendar.DayOf(date);
            Assert.Equal((eventType, snapStates), (calendar.EventOn(day), string.Join(',', States.Where(state => calendar.Flagged(state, day)))));
        }
    }

    [Fact]
    public void Importing_the_same_folder_again_replaces_its_days_instead_of_doubling_them()
    {
        var first = _warehouse.ImportM5History(Folder);
        var again = _warehouse.ImportM5History(Folder);

        Assert.Equal(first, again);
        var history = _warehouse.ReadSalesHistory()!;
        Assert.Equal(first.Series, history.Series.Count);
    }

    [Fact]
    public void A_folder_without_the_layout_is_refused_by_name_and_leaves_nothing()
    {
        using var folder = new TempDirectory();
        File.Copy(Path.Combine(Folder, "calendar.csv.gz"), Path.Combine(folder.Path, "calendar.csv.gz"));
        File.Copy(Path.Combine(Folder, "sell_prices_14items_10stores.csv.gz"), Path.Combine(folder.Path, "sell_prices.csv.gz"));

        var error = Assert.Throws<HistoryImportException>(() => _warehouse.ImportM5History(folder.Path));

        Assert.Contains("sales_train", error.Message, StringComparison.Ordinal);
        Assert.Null(_warehouse.ReadSalesHistory());
    }

    public void Dispose()
    {
        _warehouse.Dispose();
        _directory.Dispose();
    }

    /// <summary>Kaggle's three files read line by line, sharing nothing with the import.</summary>
    private sealed record PlainPass(Dictionary<SeriesKey, PlainSeries> Series, List<(DateOnly Date, string EventType, string SnapStates)> Days)
    {
        public static PlainPass Read(string folder)
        {
            var calendar = Lines(Path.Combine(folder, "calendar.csv.gz")).Skip(1).Select(line => line.Split(',')).ToList();
            var dayOf = calendar.ToDictionary(f => f[6], f => (Date: DateOnly.Parse(f[0], CultureInfo.InvariantCulture), Week: f[1]));
            var priced = Lines(Path.Combine(folder, "sell_prices_14items_10stores.csv.gz")).Skip(1)
                .Select(line => line.Split(',')).Select(f => (Store: f[0], Item: f[1], Week: f[2])).ToHashSet();

            var sales = Lines(Path.Combine(folder, "sales_train_validation_14items_10stores.csv.gz")).ToList();
            var header = sales[0].Split(',');
            var series = new Dictionary<SeriesKey, PlainSeries>();
            foreach (var fields in sales.Skip(1).Select(line => line.Split(',')))
            {
                var (item, store) = (fields[1], fields[4]);
                var days = Enumerable.Range(6, header.Length - 6).Where(column => priced.Contains((store, item, dayOf[header[column]].Week))).ToList();
                series[new SeriesKey(item, store)] = new PlainSeries(
                    days.Count, days.Sum(column => long.Parse(fields[column], CultureInfo.InvariantCulture)), dayOf[header[days[0]]].Date);
            }

            var flags = calendar.Select(f => (
                DateOnly.Parse(f[0], CultureInfo.InvariantCulture), f[8], string.Join(',', States.Where((_, index) => f[11 + index] == "1")))).ToList();
            return new PlainPass(series, flags);
        }

        private static IEnumerable<string> Lines(string gzipped)
        {
            using var reader = new StreamReader(new GZipStream(File.OpenRead(gzipped), CompressionMode.Decompress));
            while (reader.ReadLine() is { } line)
            {
                yield return line;
            }
        }
    }

    private sealed record PlainSeries(int PricedDays, long Units, DateOnly FirstPriced);
}
