using System.Globalization;
using OmniPos.Bench.Simulation;
using OmniPos.Bench.Stores;
using OmniPos.Core.Storage;
using OmniPos.Ingest.Simulation;
using OmniPos.Jobs.Promotions;
using OmniPos.Models.Promotions;
using OmniPos.Warehouse;

namespace OmniPos.Bench.Promotions;

/// <summary>
/// Issue #8's promotion case, run once (with the first store target): 200 days of a busier chain (12 shops selling 600
/// units a day each, 1,000 SKUs, 24 promotions, no fraud), posted through the ingest API and landed; one promotion
/// analysis (the demand model trained, every promotion measured) with the chain's merchandising map naming the
/// complements; its incremental units scored against the simulator's truth. Goal: within ±15% of the truth for at least
/// 80% of the promotions, and the 90% intervals holding the truth about 90% of the time.
/// </summary>
internal sealed class PromotionBenchmark : IBenchmark
{
    private const double WithinGoal = 0.8;

    private static readonly SimulationOptions World = new()
    {
        Days = 200, ShopUnitsPerDay = 600, Skus = 1_000, Promotions = 24, Fraud = new FraudOptions().Scaled(0, 0),
    };

    public string Name => "promotion analysis";

    public Task<IReadOnlyList<ResultRow>> RunAsync(StoreTarget target, BenchSettings settings, Action<string> status, CancellationToken cancellationToken) =>
        SimulatedLanding.OnceAsync(target, settings, "omnipos-bench-promotions-", (store, folder) => MeasureAsync(target, store, folder, status, cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<ResultRow>> MeasureAsync(StoreTarget target, IOperationalStore store, DirectoryInfo folder, Action<string> status, CancellationToken cancellationToken)
    {
        using var warehouse = await SimulatedLanding.PostAndLandAsync(store, World, folder.FullName, step => status($"{target.Name}: {step} (of a busy chain with promotions)"), cancellationToken);
        status($"{target.Name}: training the demand model and measuring {World.PromotionCount} promotions");
        var analysis = new PromotionAnalysis(new PromotionSettings { Complements = RetailWorld.Complements }, TimeProvider.System);
        var report = analysis.Run(warehouse, cancellationToken);
        var score = PromotionTruthScoring.Score(warehouse, Path.Combine(folder.FullName, SimulationRun.TruthFolder));
        var measured = Measurement.Of(1, report.Elapsed, report.Results.Count, [report.Elapsed]);
        var errors = score.Checks.Select(c => Math.Abs(c.RelativeError)).Order().ToList();
        var median = errors.Count == 0 ? double.NaN : errors[errors.Count / 2];
        return
        [
            new ResultRow(Name, "incremental units", measured, string.Create(CultureInfo.InvariantCulture,
                $"{score.Count} complete promotions of {World.PromotionCount} ({report.Skipped.Count} started too early in the history): {score.WithinTolerance:P0} within ±15% of the truth "
                + $"(median error {median:P0}); 90% intervals hold the truth for {score.Coverage:P0}; analysis {report.Elapsed.TotalSeconds:N1} s; "
                + $"goal ≥ {WithinGoal:P0} within ±15% — {Goal.Met(score.WithinTolerance >= WithinGoal)}")),
        ];
    }
}
