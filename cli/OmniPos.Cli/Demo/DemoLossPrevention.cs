using OmniPos.Core.Storage;
using OmniPos.Ingest.Simulation;
using OmniPos.Jobs.LossPrevention;
using OmniPos.Models.LossPrevention;
using OmniPos.Warehouse;
using Spectre.Console;

namespace OmniPos.Cli.Demo;

/// <summary>
/// The demo's loss-prevention step: one fraud scan over the whole simulated year, as the 15-minute job scans the latest
/// days, the queue it fills per rule, and how it compares with the fraud the simulator injected.
/// </summary>
internal static class DemoLossPrevention
{
    public static async Task RunAsync(AnalyticsWarehouse warehouse, IOperationalStore store, FraudScanSettings settings, SimulationOptions world, string dataDirectory,
        CancellationToken cancellationToken)
    {
        var report = await new FraudScan(settings with { ScanDays = world.Days, BaselineDays = world.Days }).RunAsync(warehouse, store, cancellationToken);
        if (report is null)
        {
            return;
        }

        var table = new Table().AddColumns("Loss prevention", "").HideHeaders().Title("Fraud alerts over the simulated year");
        foreach (var rule in report.Drafts.GroupBy(d => d.Rule).OrderByDescending(g => g.Count()))
        {
            table.AddRow(Markup.Escape(rule.Key), $"{rule.Count():N0} alerts, {rule.Sum(d => d.Exposure):N2} at risk");
        }

        AnsiConsole.Write(table);
        var score = await FraudTruthScoring.ScoreAsync(store, warehouse, Path.Combine(dataDirectory, SimulationRun.TruthFolder), cancellationToken);
        AnsiConsole.Write(FraudCommand.Table(score).Title("Against the injected fraud (ground truth)"));
    }
}
