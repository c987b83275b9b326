using OmniPos.Warehouse.History;
using OmniPos.Warehouse.Tests.Support;

namespace OmniPos.Warehouse.Tests.History;

/// <summary>
/// Issue #7: daily history from a previous system as a long CSV. A day out of stock is unknown demand; a file with a
/// wrong line is refused with its line named and leaves nothing; a corrected file imported again replaces its days.
/// </summary>
public sealed class LongCsvHistoryImportTests : IDisposable
{
    private const string Header = "sku,location,date,units,price,promoted,in_stock,category";

    private readonly TempDirectory _directory = new();
    private readonly AnalyticsWarehouse _warehouse;

    public LongCsvHistoryImportTests() => _warehouse = AnalyticsWarehouse.Open(_directory.Path);

    [Fact]
    public void Days_out_of_stock_are_unknown_demand_and_the_rest_keep_units_price_and_promotion()
    {
        var file = Write("history.csv",
            Header,
            "TEA-1,store-1,2024-03-01,4,3.50,false,true,drinks",
            "TEA-1,store-1,2024-03-02,0,3.50,false,false,drinks",
            "TEA-1,store-1,2024-03-04,9,2.99,true,true,drinks",
            "MUG-7,web,2024-03-02,1.5,12.00,0,1,");

        var report = _warehouse.ImportHistoryCsv(file);

        Assert.Equal(new HistoryImportReport("history.csv", 4, 2, new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 4)), report);
        var history = _warehouse.ReadSalesHistory()!;
        var tea = history.Series.Single(s => s.Key == new SeriesKey("TEA-1", "store-1"));
        Assert.Equal(("drinks", 4), (tea.Category, history.Days));
        Assert.Equal([4f, float.NaN, float.NaN, 9f], tea.Units);
        Assert.Equal([3.5f, 3.5f, float.NaN, 2.99f], tea.Prices);
        Assert.Equal([false, false, false, true], tea.Promoted);
        var mug = history.Series.Single(s => s.Key == new SeriesKey("MUG-7", "web"));
        Assert.Equal(("unknown", 1.5f), (mug.Category, mug.Units[1]));
    }

    [Fact]
    public void A_file_with_wrong_lines_is_refused_naming_them_and_leaves_nothing()
    {
        var file = Write("bad.csv",
            Header,
            "TEA-1,store-1,2024-03-01,4,3.50,false,true,drinks",
            "TEA-1,store-1,2024-03-32,4,3.50,false,true,drinks",
            "TEA-1,store-1,2024-03-03,-2,3.50,false,true,drinks",
            "TEA-1,store-1,2024-03-01,5,3.50,maybe,true,drinks");

        var error = Assert.Throws<HistoryImportException>(() => _warehouse.ImportHistoryCsv(file));

        Assert.Contains("line 3: date \"2024-03-32\" is not a date", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 4: units \"-2\" is not a quantity", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 5: promoted \"maybe\"", error.Message, StringComparison.Ordinal);
        Assert.Null(_warehouse.ReadSalesHistory());
    }

    [Fact]
    public void A_day_given_twice_is_refused()
    {
        var file = Write("twice.csv", Header, "TEA-1,store-1,2024-03-01,4,3.50,false,true,drinks", "TEA-1,store-1,2024-03-01,5,3.50,false,true,drinks");

        var error = Assert.Throws<HistoryImportException>(() => _warehouse.ImportHistoryCsv(file));

        Assert.Contains("line 3: sku TEA-1 at store-1 on 2024-03-01 is given 2 times", error.Message, StringComparison.Ordinal);
        Assert.Null(_warehouse.ReadSalesHistory());
    }

    [Fact]
    public void A_header_without_a_needed_column_or_with_an_unknown_one_is_refused()
    {
        var missing = Assert.Throws<HistoryImportException>(() => _warehouse.ImportHistoryCsv(Write("a.csv", "sku,location,date,units,price", "A,s,2024-01-01,1,1")));
        var unknown = Assert.Throws<HistoryImportException>(() =>
            _warehouse.ImportHistoryCsv(Write("b.csv", "sku,location,date,units,price,promoted,in_stok", "A,s,2024-01-01,1,1,0,1")));

        Assert.Contains("the header lacks promoted", missing.Message, StringComparison.Ordinal);
        Assert.Contains("does not know: in_stok", unknown.Message, StringComparison.Ordinal);
        Assert.Null(_warehouse.ReadSalesHistory());
    }

    [Fact]
    public void A_corrected_file_imported_again_replaces_its_days()
    {
        _warehouse.ImportHistoryCsv(Write("history.csv", Header, "TEA-1,store-1,2024-03-01,4,3.50,false,true,drinks"));

        var report = _warehouse.ImportHistoryCsv(Write("history.csv", Header, "TEA-1,store-1,2024-03-01,6,3.50,false,true,drinks"));

        Assert.Equal(1, report.Days);
        Assert.Equal([6f], _warehouse.ReadSalesHistory()!.Series.Single().Units);
    }

    public void Dispose()
    {
        _warehouse.Dispose();
        _directory.Dispose();
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_directory.Path, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
