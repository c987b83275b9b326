using OmniPos.Ingest.Simulation;
using OmniPos.Jobs.Promotions;
using OmniPos.Models.Promotions;
using OmniPos.Warehouse;
using Spectre.Console;

namespace OmniPos.Cli.Demo;

/// <summary>
/// The demo's promotion step, as the daily job does it: every promotion of the simulated year measured against the demand
/// model's counterfactual, the five best and the worst by incremental margin, and the estimates against the simulator's truth.
/// </summary>
internal static class DemoPromotions
{
    public static void Run(AnalyticsWarehouse warehouse, PromotionSettings settings, string dataDirectory, CancellationToken cancellationToken)
    {
        var report = AnsiConsole.Status().Start("Measuring the year's promotions against the demand model's counterfactual…",
            _ => new PromotionAnalysis(settings, TimeProvider.System).Run(warehouse, cancellationToken));
        if (report.Results.Count == 0)
        {
            AnsiConsole.MarkupLine("No promotion could be measured.");
            return;
        }

        var run = warehouse.LatestPromotionRun()!;
        var shown = report.Results.Take(5).Concat(report.Results.Skip(5).TakeLast(1)).ToList();
        AnsiConsole.Write(PromoCommand.Ranking(shown, run).Title($"Promotions by incremental margin (best five and the worst of {report.Results.Count}; omnipos promo list has all)"));
        var score = PromotionTruthScoring.Score(warehouse, Path.Combine(dataDirectory, SimulationRun.TruthFolder));
        AnsiConsole.MarkupLine(Markup.Escape(PromoCommand.Summary(score, run.Confidence)) + " (the demo chain sells too little per promotion for tight estimates; make bench measures a busier one)");
    }
}
