using System.CommandLine;
using System.Globalization;
using OmniPos.Ingest.Simulation;
using OmniPos.Jobs;
using OmniPos.Jobs.Promotions;
using OmniPos.Models.Evaluation;
using OmniPos.Models.Promotions;
using OmniPos.Warehouse;
using OmniPos.Warehouse.Promotions;
using Spectre.Console;

namespace OmniPos.Cli;

/// <summary>
/// <c>omnipos promo analyze</c>: what the daily job does, now; <c>omnipos promo list</c>: the stored results ranked by
/// incremental margin; <c>omnipos promo show &lt;id&gt;</c>: one promotion's lift, cannibalization, halo and dip with their
/// intervals; <c>omnipos promo evaluate --truth</c>: the results scored against a simulator's ground truth.
/// </summary>
internal static class PromoCommand
{
    public static Command Create()
    {
        var promo = new Command("promo", "Promotion analysis: measure promotions against the demand model's counterfactual, rank them, show one, score them against a simulator's truth");
        promo.Subcommands.Add(Analyze());
        promo.Subcommands.Add(List());
        promo.Subcommands.Add(Show());
        promo.Subcommands.Add(Evaluate());
        return promo;
    }

    private static Command Analyze() => StoreArguments.WithStore(
        new Command("analyze", "Measure every promotion in the landed sales (training the demand model first) and store the results"),
        (parse, _, dataDirectory, ct) =>
        {
            var analysis = new PromotionAnalysis(JobsServices.PromotionSettingsOf(StoreArguments.Configuration(parse)), TimeProvider.System);
            using var warehouse = AnalyticsWarehouse.Open(dataDirectory);
            var report = AnsiConsole.Status().Start("Training the demand model and measuring the promotions…", _ => analysis.Run(warehouse, ct));
            foreach (var (id, reason) in report.Skipped)
            {
                AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(id)} not measured:[/] {Markup.Escape(reason)}");
            }

            if (report.Results.Count == 0)
            {
                Console.Error.WriteLine("no promotion could be measured: land sales that carry promotions first (omnipos land)");
                return Task.FromResult(1);
            }

            AnsiConsole.Write(Ranking(report.Results, warehouse.LatestPromotionRun()!));
            return Task.FromResult(0);
        });

    private static Command List() => StoreArguments.WithStore(new Command("list", "The latest analysis' promotions, ranked by incremental margin"),
        (_, _, dataDirectory, _) =>
        {
            using var warehouse = AnalyticsWarehouse.Open(dataDirectory);
            if (warehouse.LatestPromotionRun() is not { } run)
            {
                Console.Error.WriteLine("no promotion analysis yet: run omnipos promo analyze");
                return Task.FromResult(1);
            }

            AnsiConsole.Write(Ranking(warehouse.ReadPromotionResults(), run));
            return Task.FromResult(0);
        });

    private static Command Show()
    {
        var id = new Argument<string>("promotion") { Description = "The promotion's id" };
        return StoreArguments.WithStore(new Command("show", "One promotion's effects on units, revenue and margin after returns, with their intervals") { id },
            (parse, _, dataDirectory, _) =>
            {
                using var warehouse = AnalyticsWarehouse.Open(dataDirectory);
                if (warehouse.ReadPromotionResults().FirstOrDefault(r => r.PromotionId == parse.GetValue(id)) is not { } result)
                {
                    Console.Error.WriteLine($"the latest analysis has no promotion {parse.GetValue(id)}: omnipos promo list names those it has");
                    return Task.FromResult(1);
                }

                AnsiConsole.Write(Breakdown(result, warehouse.LatestPromotionRun()!));
                return Task.FromResult(0);
            });
    }

    private static Command Evaluate()
    {
        var truth = new Option<string>("--truth") { Description = "The simulator's ground-truth folder (truth/ in the data directory)", Required = true };
        return StoreArguments.WithStore(new Command("evaluate", "Score the latest analysis' incremental units against the promotions a simulation ran") { truth },
            (parse, _, dataDirectory, _) =>
            {
                var folder = parse.GetValue(truth)!;
                if (!File.Exists(Path.Combine(folder, GroundTruthWriter.PromotionsFile)))
                {
                    Console.Error.WriteLine($"{folder} has no {GroundTruthWriter.PromotionsFile}: give the truth folder of a simulation landed into this data directory");
                    return Task.FromResult(2);
                }

                using var warehouse = AnalyticsWarehouse.Open(dataDirectory);
                AnsiConsole.Write(Table(PromotionTruthScoring.Score(warehouse, folder), warehouse.LatestPromotionRun()?.Confidence ?? 0));
                return Task.FromResult(0);
            });
    }

    internal static Table Ranking(IReadOnlyList<PromotionResult> results, PromotionRun run)
    {
        var table = new Table().AddColumns("#", "Promotion", "Days", "Where", "Incremental units", "Incremental revenue", "Incremental margin", "");
        foreach (var (r, rank) in results.Select((r, i) => (r, i + 1)))
        {
            table.AddRow($"{rank}", Markup.Escape($"{r.PromotionId} {r.Name}"), $"{r.StartsOn:yyyy-MM-dd} to {r.EndsOn:MM-dd}",
                r.Regional ? $"{r.Locations} (regional)" : $"{r.Locations}", Interval(r.Units.Incremental, "N0"), Interval(r.Revenue.Incremental, "N2"),
                Interval(r.Margin.Incremental, "N2"), r.Complete ? "" : "[yellow]dip not all landed[/]");
        }

        return table.Caption($"analysed {run.AnalysedAt:yyyy-MM-dd HH:mm} UTC; intervals at {run.Confidence:P0}; revenue and margin after returns");
    }

    private static Table Breakdown(PromotionResult r, PromotionRun run)
    {
        var table = new Table().AddColumns("", "Units", "Revenue", "Margin");
        foreach (var (name, part) in new (string, Func<PromotionEffects, Estimate>)[]
                 {
                     ("Lift on its SKUs", e => e.Lift), ("Cannibalized from substitutes", e => e.Cannibalized), ("Halo on complements", e => e.Halo),
                     ($"Dip after it", e => e.Dip), ("Incremental", e => e.Incremental),
                 })
        {
            table.AddRow(name, Interval(part(r.Units), "N0"), Interval(part(r.Revenue), "N2"), Interval(part(r.Margin), "N2"));
        }

        if (r.AgainstOtherStores is { } other)
        {
            table.AddRow("Incremental, against other stores", Interval(other.Incremental, "N0"), "", "");
        }

        return table.Title(Markup.Escape($"{r.PromotionId} {r.Name}, {r.StartsOn:yyyy-MM-dd} to {r.EndsOn:yyyy-MM-dd}: {r.Skus} SKUs at {r.Locations} locations"))
            .Caption(Markup.Escape($"baseline of its SKUs {r.BaselineUnits:N0} units, sold {r.PromotedUnits:N0}; complements: {string.Join(", ", r.Complements)}; "
                + $"intervals at {run.Confidence:P0}"));
    }

    internal static Table Table(PromotionLiftScore score, double confidence)
    {
        var table = new Table().AddColumns("Promotion", "Estimated incremental units", "True", "Error", "Interval holds it");
        foreach (var c in score.Checks)
        {
            table.AddRow(c.PromotionId, Interval(c.Estimated, "N0"), c.Truth.ToString("N0", CultureInfo.InvariantCulture), c.RelativeError.ToString("+0%;-0%", CultureInfo.InvariantCulture),
                c.Estimated.Covers(c.Truth) ? "yes" : "[yellow]no[/]");
        }

        return table.Caption(Markup.Escape(Summary(score, confidence)));
    }

    internal static string Summary(PromotionLiftScore score, double confidence) => string.Create(CultureInfo.InvariantCulture,
        $"{score.Count} complete promotions: {score.WithinTolerance:P0} within ±{score.Tolerance:P0} of the true incremental units; intervals at {confidence:P0} hold the truth for {score.Coverage:P0}");

    private static string Interval(Estimate e, string format) => string.Create(CultureInfo.InvariantCulture,
        $"{e.Value.ToString(format, CultureInfo.InvariantCulture)} [dim]({e.Low.ToString(format, CultureInfo.InvariantCulture)} to {e.High.ToString(format, CultureInfo.InvariantCulture)})[/]");
}
