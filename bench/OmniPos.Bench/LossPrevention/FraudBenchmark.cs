using System.Diagnostics;
using System.Globalization;
using OmniPos.Bench.Simulation;
using OmniPos.Bench.Stores;
using OmniPos.Core.Storage;
using OmniPos.Ingest.Simulation;
using OmniPos.Jobs.LossPrevention;
using OmniPos.Models.Evaluation;
using OmniPos.Models.LossPrevention;
using OmniPos.Warehouse;

namespace OmniPos.Bench.LossPrevention;

/// <summary>
/// Issue #8's detection case, run once (with the first store target): half a year of the demo chain (12 shops, 2,000
/// SKUs) with four times the default fraud and six dishonest cashiers, posted through the ingest API and landed; one
/// fraud scan over the whole half year (rules, behaviour scoring, no verdicts yet), its alerts scored against the
/// simulator's ground truth: precision and recall per scheme, false alerts per store per week. Goal: overall recall at
/// least 0.9 at precision at least 0.8.
/// </summary>
internal sealed class FraudBenchmark : IBenchmark
{
    private const double RecallGoal = 0.9;
    private const double PrecisionGoal = 0.8;

    private static readonly SimulationOptions World = new() { Days = 182, Fraud = new FraudOptions().Scaled(4, 6) };

    public string Name => "fraud detection";

    public Task<IReadOnlyList<ResultRow>> RunAsync(StoreTarget target, BenchSettings settings, Action<string> status, CancellationToken cancellationToken) =>
        SimulatedLanding.OnceAsync(target, settings, "omnipos-bench-fraud-", (store, folder) => MeasureAsync(target, store, folder, status, cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<ResultRow>> MeasureAsync(StoreTarget target, IOperationalStore store, DirectoryInfo folder, Action<string> status, CancellationToken cancellationToken)
    {
        using var warehouse = await SimulatedLanding.PostAndLandAsync(store, World, folder.FullName, step => status($"{target.Name}: {step} (with injected fraud)"), cancellationToken);
        status($"{target.Name}: scanning {World.Days} days for fraud");
        var clock = Stopwatch.StartNew();
        var report = await new FraudScan(new FraudScanSettings { ScanDays = World.Days, BaselineDays = World.Days }).RunAsync(warehouse, store, cancellationToken);
        var elapsed = clock.Elapsed;
        var score = await FraudTruthScoring.ScoreAsync(store, warehouse, Path.Combine(folder.FullName, SimulationRun.TruthFolder), cancellationToken);
        var scan = Measurement.Of(1, elapsed, report!.Drafts.Count, [elapsed]);
        var overall = score.Overall;
        var met = overall.Recall >= RecallGoal && overall.Precision >= PrecisionGoal;
        return
        [
            .. score.Types.Select(t => new ResultRow(Name, t.Type, scan, Scores(t))),
            new ResultRow(Name, "all schemes", scan, $"{Scores(overall)}; {score.FalseAlertsPerStoreWeek.ToString("0.000", CultureInfo.InvariantCulture)} false alerts per store per week; "
                + $"scan of {World.Days} days {elapsed.TotalSeconds:N1} s; goal recall ≥ {RecallGoal} at precision ≥ {PrecisionGoal} — {Goal.Met(met)}"),
        ];
    }

    private static string Scores(FraudTypeScore t) => string.Create(CultureInfo.InvariantCulture,
        $"{t.Cases} cases, {t.Detected} found (recall {Share(t.Recall)}); {t.Alerts} alerts, {t.TrueAlerts} true (precision {Share(t.Precision)})");

    private static string Share(double value) => double.IsNaN(value) ? "—" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
