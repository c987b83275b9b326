using System.CommandLine;
using OmniPos.Core.Replenishment;
using OmniPos.Jobs;
using OmniPos.Models.Evaluation;
using OmniPos.Models.Forecasting;
using OmniPos.Models.Replenishment;
using OmniPos.Warehouse;
using OmniPos.Warehouse.Forecasts;
using OmniPos.Warehouse.History;
using Spectre.Console;

namespace OmniPos.Cli;

/// <summary>
/// <c>omnipos forecast --sku --store</c>: a SKU's stored forecast at a store with its quantiles and reorder point;
/// <c>omnipos forecast orders</c>: the suggested transfers and purchases; <c>omnipos forecast evaluate --m5 &lt;folder&gt;</c>:
/// the accuracy table of the forecasters on a held-out month.
/// </summary>
internal static class ForecastCommand
{
    public static Command Create()
    {
        var sku = new Option<string?>("--sku") { Description = "The SKU" };
        var store = new Option<string?>("--store") { Description = "The store (or stock location)" };
        var forecast = StoreArguments.WithStore(new Command("forecast", "A SKU's forecast at a store (--sku, --store), suggested orders, or the forecasters' accuracy") { sku, store },
            async (parse, operationalStore, dataDirectory, ct) =>
            {
                if (parse.GetValue(sku) is not { } skuId || parse.GetValue(store) is not { } storeId)
                {
                    Console.Error.WriteLine("give --sku and --store (or a subcommand: orders, evaluate)");
                    return 2;
                }

                ForecastRecord? found;
                using (var warehouse = AnalyticsWarehouse.Open(dataDirectory))
                {
                    found = warehouse.FindForecast(new SeriesKey(skuId, storeId));
                }

                if (found is null)
                {
                    Console.Error.WriteLine($"no forecast of {skuId} at {storeId}: run omnipos train (the last training did not forecast it)");
                    return 1;
                }

                var policy = (await operationalStore.Replenishment.ListPoliciesAsync(storeId, ct)).SingleOrDefault(p => p.Sku == skuId);
                var stock = await operationalStore.GetStockAsync(skuId, storeId, ct);
                WriteForecast(SeriesForecast.From(found), found.StartsOn, policy, stock.Available);
                return 0;
            });
        forecast.Subcommands.Add(Orders());
        forecast.Subcommands.Add(Evaluate());
        return forecast;
    }

    private static void WriteForecast(SeriesForecast forecast, DateOnly start, ReorderPolicy? policy, int available)
    {
        var table = new Table().Title(Markup.Escape($"{forecast.Key.Sku} at {forecast.Key.Location}: {forecast.Method} ({forecast.Pattern} demand)"))
            .AddColumn("Day").AddColumn(new TableColumn("Mean").RightAligned()).AddColumn(new TableColumn("P10").RightAligned())
            .AddColumn(new TableColumn("P50").RightAligned()).AddColumn(new TableColumn("P90").RightAligned());
        for (var day = 0; day < forecast.Mean.Length; day++)
        {
            table.AddRow($"{start.AddDays(day):ddd yyyy-MM-dd}", $"{forecast.Mean[day]:F2}", $"{forecast.Quantile(day, 0.1):F1}", $"{forecast.Quantile(day, 0.5):F1}",
                $"{forecast.Quantile(day, 0.9):F1}");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(Markup.Escape($"28 days: {forecast.TotalOver(forecast.Mean.Length):F1} units expected; typical daily error {forecast.DailyError:F2}; available now {available}."));
        AnsiConsole.MarkupLine(Markup.Escape(policy is null
            ? "No reorder policy: the ledger keeps no stock of it there."
            : $"Reorder point {policy.ReorderPoint}, order up to {policy.OrderUpTo} (lead time {policy.LeadTimeDays} d, {policy.LeadTimeDemand:F1} units expected in it)."));
    }

    private static Command Orders()
    {
        var store = new Option<string?>("--store") { Description = "Only the orders of this store" };
        return StoreArguments.WithStore(new Command("orders", "Suggested transfers from overstocked stores, then purchases in whole cases, for every SKU at or under its reorder point") { store },
            async (parse, operationalStore, ct) =>
            {
                var settings = JobsServices.ReplenishmentSettingsOf(StoreArguments.Configuration(parse));
                var policies = await operationalStore.Replenishment.ListPoliciesAsync(null, ct);
                var orders = new ReplenishmentPlanner(settings).Suggest(policies, await operationalStore.Replenishment.ListPositionsAsync(ct))
                    .Where(o => parse.GetValue(store) is not { } only || o.Location == only).ToList();
                var table = new Table().AddColumns("Store", "SKU", "Available", "Reorder point", "Order up to", "Units", "From");
                foreach (var order in orders)
                {
                    table.AddRow(Markup.Escape(order.Location), Markup.Escape(order.Sku), $"{order.Available:N0}", $"{order.ReorderPoint:N0}", $"{order.OrderUpTo:N0}",
                        $"{order.Units:N0}", Markup.Escape(order.FromLocation ?? "purchase"));
                }

                AnsiConsole.Write(table);
                AnsiConsole.MarkupLine($"{orders.Count(o => o.IsTransfer):N0} transfers ({orders.Where(o => o.IsTransfer).Sum(o => o.Units):N0} units), " +
                    $"{orders.Count(o => !o.IsTransfer):N0} purchase lines ({orders.Where(o => !o.IsTransfer).Sum(o => o.Units):N0} units).");
                return 0;
            });
    }

    private static Command Evaluate()
    {
        var m5 = new Option<DirectoryInfo>("--m5")
        {
            Description = "A folder in the M5 layout (calendar.csv, sales_train….csv, sell_prices….csv, optionally weights_validation.csv; gzipped or not)",
            Required = true,
        };
        var command = new Command("evaluate", "Hold out the last 28 days, forecast them from the rest, and print WRMSSE and WAPE side by side") { m5 };
        command.SetAction((parse, ct) =>
        {
            var folder = parse.GetValue(m5)!.FullName;
            HoldoutEvaluation evaluation = null!;
            AnsiConsole.Status().Start($"Importing {Markup.Escape(folder)}, backtesting and forecasting…", _ =>
                evaluation = HoldoutEvaluation.OfM5Folder(folder, cancellationToken: ct));
            WriteTable(evaluation);
            return Task.FromResult(0);
        });
        return command;
    }

    internal static void WriteTable(HoldoutEvaluation evaluation)
    {
        var table = new Table()
            .Title($"{evaluation.Series:N0} series, {evaluation.From:yyyy-MM-dd} to {evaluation.To:yyyy-MM-dd} held out")
            .AddColumn("Forecaster").AddColumn(new TableColumn("WRMSSE").RightAligned()).AddColumn(new TableColumn("WAPE").RightAligned());
        foreach (var score in evaluation.Scores)
        {
            table.AddRow(Markup.Escape(score.Forecaster), $"{score.Wrmsse:F3}", $"{score.Wape:P1}");
        }

        AnsiConsole.Write(table);
        var chosen = evaluation.ScoreOf(DemandForecast.Chosen).Wrmsse;
        AnsiConsole.MarkupLine($"The chosen combination's WRMSSE is {1 - chosen / evaluation.ScoreOf(SeasonalNaiveForecaster.MethodName).Wrmsse:P1} below seasonal naive's " +
            $"and {1 - chosen / evaluation.ScoreOf(ExponentialSmoothingForecaster.MethodName).Wrmsse:P1} below exponential smoothing's.");
        AnsiConsole.MarkupLine($"Weights: {Markup.Escape(evaluation.Weights)}. Training and forecasting, backtests included: {evaluation.Elapsed.TotalSeconds:N1} s.");
        AnsiConsole.MarkupLine("Chosen per demand class (backtest WRMSSE of the choice): " + Markup.Escape(string.Join("; ",
            evaluation.Forecast.Choices.Select(choice => $"{choice.Key}: {choice.Value} ({evaluation.Forecast.BacktestScores[choice.Key][choice.Value]:F3}, " +
                $"{evaluation.Forecast.Series.Count(s => s.Pattern == choice.Key)} series)"))));
    }
}
