using System.CommandLine;
using OmniPos.Jobs;
using OmniPos.Models.Replenishment;
using OmniPos.Models.Training;
using OmniPos.Warehouse;
using Spectre.Console;

namespace OmniPos.Cli;

/// <summary><c>omnipos train</c>: what the nightly training job does, now: forecast every series and set the reorder points.</summary>
internal static class TrainCommand
{
    public static Command Create() => StoreArguments.WithStore(
        new Command("train", "Forecast every SKU and location 28 days ahead from the warehouse, store the forecast, and set the reorder points"),
        async (parse, store, dataDirectory, ct) =>
        {
            var settings = JobsServices.ReplenishmentSettingsOf(StoreArguments.Configuration(parse));
            using var warehouse = AnalyticsWarehouse.Open(dataDirectory);
            DemandTrainingReport report = null!;
            try
            {
                await AnsiConsole.Status().StartAsync("Reading the demand history, backtesting, training and forecasting…", async _ =>
                    report = await new DemandTraining(settings, TimeProvider.System).RunAsync(warehouse, store, ct));
            }
            catch (NotEnoughHistoryException notYet)
            {
                Console.Error.WriteLine(notYet.Message);
                return 1;
            }

            Summarize(report, settings);
            return 0;
        });

    internal static void Summarize(DemandTrainingReport report, ReplenishmentSettings settings)
    {
        var table = new Table().AddColumns("", "").HideHeaders();
        table.AddRow("Series forecast", $"{report.Run.Series:N0} (from {report.Run.HistoryDays:N0} days of history)");
        table.AddRow("Forecast days", $"{report.Forecast.Start:yyyy-MM-dd} to {report.Forecast.Start.AddDays(Models.Forecasting.DemandForecasting.Horizon - 1):yyyy-MM-dd}");
        foreach (var (pattern, method) in report.Forecast.Choices.Where(choice => report.Forecast.Series.Any(s => s.Pattern == choice.Key)))
        {
            table.AddRow($"{pattern} demand", $"{Markup.Escape(method)} ({report.Forecast.Series.Count(s => s.Pattern == pattern):N0} series, backtest WRMSSE {report.Forecast.BacktestScores[pattern][method]:F3})");
        }

        table.AddRow("Reorder policies set", $"{report.Policies.Count:N0} (lead time {settings.LeadTimeDays} d, review {settings.ReviewDays} d, service level {settings.ServiceLevel:P0})");
        table.AddRow("Time", $"{report.Run.Seconds:N1} s");
        AnsiConsole.Write(table);
    }
}
