using OmniPos.Core.Storage;
using OmniPos.Models.Replenishment;
using OmniPos.Models.Training;
using OmniPos.Warehouse;
using OmniPos.Warehouse.History;
using Spectre.Console;

namespace OmniPos.Cli.Demo;

/// <summary>
/// The demo's forecasting step, as the nightly training and the alerts job would do it: every SKU and location forecast
/// 28 days ahead and given a reorder point, the low-stock alerts that raises against the stock at the end of the
/// simulated year, and the transfers and purchases suggested.
/// </summary>
internal static class DemoPlanning
{
    /// <returns>The series expected to sell most next week, for the command that shows its forecast.</returns>
    public static async Task<SeriesKey?> RunAsync(AnalyticsWarehouse warehouse, IOperationalStore store, ReplenishmentSettings settings, CancellationToken cancellationToken)
    {
        DemandTrainingReport report = null!;
        try
        {
            await AnsiConsole.Status().StartAsync("Forecasting every SKU and location 28 days ahead (three backtests and a final model)…", async _ =>
                report = await new DemandTraining(settings, TimeProvider.System).RunAsync(warehouse, store, cancellationToken));
        }
        catch (NotEnoughHistoryException notYet)
        {
            AnsiConsole.MarkupLine($"No forecasts: {Markup.Escape(notYet.Message)}");
            return null;
        }

        TrainCommand.Summarize(report, settings);

        var sweep = await store.Replenishment.SweepAsync(cancellationToken);
        var orders = new ReplenishmentPlanner(settings).Suggest(report.Policies, await store.Replenishment.ListPositionsAsync(cancellationToken));
        var table = new Table().AddColumns("Replenishment", "").HideHeaders().Title("Replenishment at the end of the simulated year");
        table.AddRow("Low-stock alerts opened", $"{sweep.Opened.Count:N0} ({sweep.Opened.Count(a => a.Reason == Core.Replenishment.StockAlert.StockoutExpected):N0} with a stockout expected within the lead time)");
        foreach (var byStore in sweep.Opened.GroupBy(a => a.StoreId).OrderByDescending(g => g.Count()).Take(3))
        {
            table.AddRow($"  {Markup.Escape(byStore.Key)}", $"{byStore.Count():N0} alerts");
        }

        table.AddRow("Suggested transfers", $"{orders.Count(o => o.IsTransfer):N0} ({orders.Where(o => o.IsTransfer).Sum(o => o.Units):N0} units from overstocked stores)");
        table.AddRow("Suggested purchase lines", $"{orders.Count(o => !o.IsTransfer):N0} ({orders.Where(o => !o.IsTransfer).Sum(o => o.Units):N0} units)");
        AnsiConsole.Write(table);

        return report.Forecast.Series.MaxBy(s => s.TotalOver(7))?.Key;
    }
}
