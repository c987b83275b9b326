using System.Globalization;
using System.Text.Json;
using OmniPos.Dashboards.Tests.Support;
using OmniPos.Warehouse.Queries;
using OmniPos.Warehouse.Queries.Rows;

namespace OmniPos.Dashboards.Tests.Merchandising;

/// <summary>
/// Issue #9's merchandising page in Chromium against a server holding demo data: the sell-through heatmap and its table
/// show what the warehouse's sell_through query says (each week and category summed over the stores asked for, then
/// DESIGN.md §5's period formula taken of the sums, worked out here on its own), the filters live in the URL and change
/// the results, the CSV download is the table, and a store manager sees only its own store.
/// </summary>
public sealed class SellThroughPageTests(DemoServer server) : IClassFixture<DemoServer>
{
    private const string Chart = "sell-through";
    private const string Range = "from=2026-01-05&through=2026-03-01";
    private static readonly QueryFilter Weeks = new(new DateOnly(2026, 1, 5), new DateOnly(2026, 3, 1), Level: SellThroughLevel.Category);

    [Fact]
    public async Task The_heatmap_draws_one_cell_per_week_and_category_and_its_table_equals_the_query_over_every_store()
    {
        await using var page = await DashboardPage.OpenAsync(server, server.MerchandiserKey, $"/dashboards/merchandising?{Range}");

        Assert.Equal("drawn", await page.SettledAsync(Chart));
        var expected = Expected(Weeks);
        var series = await page.SeriesAsync(Chart);
        Assert.Equal(1, series.GetArrayLength());
        Assert.Equal("heatmap", series[0].GetProperty("type").GetString());
        Assert.Equal(expected.Count, series[0].GetProperty("data").GetArrayLength());
        var (columns, rows) = await page.TableAsync(Chart);
        Assert.Equal(["week", "category", "opening_on_hand", "received", "net_sold", "closing_on_hand", "sell_through_pct"], columns);
        Assert.Equal(expected, rows.Select(Shown).ToList());
        Assert.True(expected.Select(e => e.Week).Distinct().Count() >= 8, "the eight weeks asked for are not all there");
        await page.ScreenshotAsync("merchandising-sell-through");
    }

    [Fact]
    public async Task Applying_a_store_and_a_category_puts_them_in_the_URL_and_narrows_the_table_to_them()
    {
        await using var page = await DashboardPage.OpenAsync(server, server.MerchandiserKey, $"/dashboards/merchandising?{Range}");
        Assert.Equal("drawn", await page.SettledAsync(Chart));
        var category = Expected(Weeks)[0].Category;

        await page.Page.FillAsync("#filters [name=store]", server.Shops[1]);
        await page.Page.FillAsync("#filters [name=category]", category);
        await page.Page.ClickAsync("#filters button[type=submit]");
        await page.Page.WaitForURLAsync(url => url.Contains($"store={server.Shops[1]}", StringComparison.Ordinal));

        Assert.Equal("drawn", await page.SettledAsync(Chart));
        var query = new Uri(page.Page.Url).Query;
        Assert.Contains($"category={Uri.EscapeDataString(category).Replace("%20", "+", StringComparison.Ordinal)}", query, StringComparison.Ordinal);
        Assert.Contains("from=2026-01-05", query, StringComparison.Ordinal);
        var narrowed = Expected(Weeks with { Stores = [server.Shops[1]], Categories = [category] });
        Assert.NotEqual(Expected(Weeks).Count, narrowed.Count);
        Assert.Equal(narrowed, (await page.TableAsync(Chart)).Rows.Select(Shown).ToList());
    }

    [Fact]
    public async Task The_CSV_download_holds_the_rows_of_the_table()
    {
        await using var page = await DashboardPage.OpenAsync(server, server.MerchandiserKey, $"/dashboards/merchandising?{Range}&store={server.Shops[2]}");
        Assert.Equal("drawn", await page.SettledAsync(Chart));

        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.ClickAsync($"section[data-chart='{Chart}'] [data-download=csv]"));
        var lines = (await File.ReadAllLinesAsync(await download.PathAsync())).ToList();

        Assert.Equal("sell-through.csv", download.SuggestedFilename);
        Assert.Equal("week,category,opening_on_hand,received,net_sold,closing_on_hand,sell_through_pct", lines[0]);
        Assert.Equal(Expected(Weeks with { Stores = [server.Shops[2]] }), lines.Skip(1).Select(line => Shown(line.Split(','))).ToList());
    }

    [Fact]
    public async Task The_XLSX_download_is_an_Excel_table_under_a_frozen_header_whose_values_and_formats_are_the_querys()
    {
        await using var page = await DashboardPage.OpenAsync(server, server.MerchandiserKey, $"/dashboards/merchandising?{Range}");
        Assert.Equal("drawn", await page.SettledAsync(Chart));

        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.ClickAsync($"section[data-chart='{Chart}'] [data-download=xlsx]"));
        var workbook = await WorkbookReader.ReadAsync(await download.PathAsync());

        var expected = Expected(Weeks);
        Assert.Equal("sell-through.xlsx", download.SuggestedFilename);
        Assert.Equal(["week", "category", "opening_on_hand", "received", "net_sold", "closing_on_hand", "sell_through_pct"], workbook.Rows[0].Select(v => v.GetString()));
        Assert.Equal(expected, workbook.Rows.Skip(1).Select(Read).ToList());
        Assert.Equal("yyyy-mm-dd | General | #,##0 | #,##0 | #,##0 | #,##0 | #,##0.00", string.Join(" | ", workbook.Formats[1]));
        var table = Assert.Single(workbook.Tables).Root!;
        Assert.Equal($"A1:G{expected.Count + 1}", table.Attribute("ref")?.Value);
        Assert.Equal($"A1:G{expected.Count + 1}", table.Element(WorkbookReader.Main + "autoFilter")?.Attribute("ref")?.Value);
        var pane = workbook.Sheet.Descendants(WorkbookReader.Main + "pane").Single();
        Assert.Equal(("frozen", "1", "A2"), (pane.Attribute("state")?.Value, pane.Attribute("ySplit")?.Value, pane.Attribute("topLeftCell")?.Value));
        Assert.All(workbook.Sheet.Descendants(WorkbookReader.Main + "col"), col => Assert.InRange(double.Parse(col.Attribute("width")!.Value, CultureInfo.InvariantCulture), 6, 60));
    }

    [Fact]
    public async Task A_store_manager_sees_its_own_store_and_is_refused_another()
    {
        var (key, own) = server.StoreManager;
        await using var page = await DashboardPage.OpenAsync(server, key, $"/dashboards/merchandising?{Range}");

        Assert.Equal("drawn", await page.SettledAsync(Chart));
        Assert.Equal(Expected(Weeks with { Stores = [own] }), (await page.TableAsync(Chart)).Rows.Select(Shown).ToList());

        await page.Page.GotoAsync(new Uri(server.Address, $"/dashboards/merchandising?{Range}&store={server.Shops[1]}").ToString());
        Assert.Equal("failed", await page.SettledAsync(Chart));
        Assert.Contains($"this key reads only store '{own}'", await page.ProblemAsync(Chart), StringComparison.Ordinal);
        Assert.Empty((await page.TableAsync(Chart)).Rows);
        await page.ScreenshotAsync("merchandising-store-manager-refused");
    }

    /// <summary>Each week and category of the query's per-store rows, summed, with the period sell-through of the sums.</summary>
    private List<Row> Expected(QueryFilter filter) =>
        [.. server.Warehouse(w => w.Query(AnalyticQueries.SellThrough, filter))
            .GroupBy(r => (r.WeekStart, r.Category!))
            .OrderBy(g => g.Key.WeekStart).ThenBy(g => g.Key.Item2, StringComparer.Ordinal)
            .Select(g =>
            {
                var (opening, received, net) = (g.Sum(r => r.OpeningOnHand), g.Sum(r => r.Received), g.Sum(r => r.Sold - r.Returned));
                decimal? percent = opening + received == 0 ? null : Math.Round(net * 100m / (opening + received), 2, MidpointRounding.AwayFromZero);
                return new Row(g.Key.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), g.Key.Item2, opening, received, net, g.Sum(r => r.ClosingOnHand), percent);
            })];

    private static Row Shown(string[] cells) =>
        new(cells[0], cells[1], long.Parse(cells[2], CultureInfo.InvariantCulture), long.Parse(cells[3], CultureInfo.InvariantCulture),
            long.Parse(cells[4], CultureInfo.InvariantCulture), long.Parse(cells[5], CultureInfo.InvariantCulture),
            cells[6].Length == 0 ? null : decimal.Parse(cells[6], CultureInfo.InvariantCulture));

    /// <summary>A worksheet row as SheetJS reads it: the week an Excel date serial, the numbers as numbers, an empty cell null.</summary>
    private static Row Read(JsonElement[] cells) =>
        new(DateOnly.FromDateTime(DateTime.FromOADate(cells[0].GetDouble())).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), cells[1].GetString()!,
            cells[2].GetInt64(), cells[3].GetInt64(), cells[4].GetInt64(), cells[5].GetInt64(),
            cells[6].ValueKind == JsonValueKind.Null ? null : cells[6].GetDecimal());

    private sealed record Row(string Week, string Category, long Opening, long Received, long NetSold, long Closing, decimal? Percent);
}
