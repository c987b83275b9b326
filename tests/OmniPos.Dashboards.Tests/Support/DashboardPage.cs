using System.Text.Json;
using Microsoft.Playwright;
using OmniPos.TestServers;

namespace OmniPos.Dashboards.Tests.Support;

/// <summary>
/// One browser tab on a dashboard page, signed in with a key through the page's own form: what a chart section drew
/// (its ECharts option, as the chart holds it) and the table listed under it, and a screenshot kept under
/// TestResults/screenshots, the suite's artifacts.
/// </summary>
public sealed class DashboardPage(IPage page) : IAsyncDisposable
{
    public static string Screenshots { get; } = Path.Combine(RepositoryRoot.Path, "TestResults", "screenshots");

    public IPage Page => page;

    public static async Task<DashboardPage> OpenAsync(DemoServer server, string key, string path)
    {
        var page = new DashboardPage(await server.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } }));
        await page.Page.GotoAsync(new Uri(server.Address, path).ToString());
        await page.Page.FillAsync("#key", key);
        await page.Page.ClickAsync("#sign-in button[type=submit]");
        return page;
    }

    /// <summary>Waits until the chart section has drawn or failed, and answers which.</summary>
    public async Task<string> SettledAsync(string chart)
    {
        var section = page.Locator($"section[data-chart='{chart}']");
        await page.WaitForFunctionAsync(
            "name => ['drawn', 'failed'].includes(document.querySelector(`section[data-chart='${name}']`)?.dataset.state)", chart);
        return await section.GetAttributeAsync("data-state") ?? "";
    }

    /// <summary>The series the chart holds, as ECharts reports its option: each one's type and data.</summary>
    public async Task<JsonElement> SeriesAsync(string chart) =>
        await page.EvaluateAsync<JsonElement>(
            "name => echarts.getInstanceByDom(document.querySelector(`section[data-chart='${name}'] .canvas`)).getOption().series.map(s => ({ type: s.type, data: s.data }))", chart);

    /// <summary>The table under the chart: its header, and each row's cells as shown.</summary>
    public async Task<(string[] Columns, string[][] Rows)> TableAsync(string chart)
    {
        var table = page.Locator($"section[data-chart='{chart}'] table");
        var columns = await table.Locator("thead th").AllInnerTextsAsync();
        var rows = new List<string[]>();
        foreach (var row in await table.Locator("tbody tr").AllAsync())
        {
            rows.Add([.. await row.Locator("td").AllInnerTextsAsync()]);
        }

        return ([.. columns], [.. rows]);
    }

    public async Task<string> ProblemAsync(string chart) => await page.Locator($"section[data-chart='{chart}'] .problem").InnerTextAsync();

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name}.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await page.CloseAsync();
}
