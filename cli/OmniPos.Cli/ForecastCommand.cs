using System.CommandLine;
using OmniPos.Models.Evaluation;
using OmniPos.Models.Forecasting;
using Spectre.Console;

namespace OmniPos.Cli;

/// <summary><c>omnipos forecast evaluate --m5 &lt;folder&gt;</c>: the accuracy table of the forecasters on a held-out month.</summary>
internal static class ForecastCommand
{
    public static Command Create()
    {
        var forecast = new Command("forecast", "Demand forecasts per SKU and location, and their accuracy");
        forecast.Subcommands.Add(Evaluate());
        return forecast;
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
