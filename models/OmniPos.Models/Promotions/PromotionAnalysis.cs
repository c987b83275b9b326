using System.Diagnostics;
using MathNet.Numerics.Distributions;
using OmniPos.Models.Forecasting;
using OmniPos.Warehouse;
using OmniPos.Warehouse.Promotions;

namespace OmniPos.Models.Promotions;

/// <summary>
/// Measures every promotion the landed sales show against a counterfactual: the global demand model (trained on the
/// whole history, promotions and prices among its features) forecasts each promotion's SKUs and their neighbours from the
/// morning it started with the promotion taken away. The forecast is calibrated by how it did, those same days, on the
/// departments no promotion touched at the same locations, and its remaining error on a leaf category (beyond sampling)
/// is read from those departments' leaves; both go into the intervals with each sum's sampling variance. A regional
/// promotion is also measured by difference in differences: the same SKUs where it did not run calibrate the forecast.
/// The control's shifts, and then the cross-effects (cannibalization, halo, dip), are each pooled across the promotions
/// measured: a promotion's own rate is shrunk toward the run's mean as far as its noise exceeds how much the rates truly
/// differ (<see cref="RatePool"/>).
/// The results replace the warehouse's stored ones (<c>promotion_results</c>), ranked by incremental margin.
/// </summary>
public sealed class PromotionAnalysis(PromotionSettings settings, TimeProvider clock, GlobalModelOptions? modelOptions = null)
{
    public PromotionAnalysisReport Run(AnalyticsWarehouse warehouse, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var history = warehouse.ReadSalesHistory(cancellationToken);
        var scopes = warehouse.ReadPromotionScopes(cancellationToken);
        if (history is null || scopes.Count == 0)
        {
            return Nothing(scopes);
        }

        var skipped = new List<(string, string)>();
        var measurable = new List<PromotionScope>();
        foreach (var scope in scopes)
        {
            var before = history.Calendar.DayOf(scope.StartsOn);
            if (before < settings.MinimumHistoryDays)
            {
                skipped.Add((scope.PromotionId, $"it started {before} days into the history; it is measured from {settings.MinimumHistoryDays}"));
            }
            else if (before >= history.Days)
            {
                skipped.Add((scope.PromotionId, "it has not started in the landed days"));
            }
            else
            {
                measurable.Add(scope);
            }
        }

        if (measurable.Count == 0 || history.Days < GlobalDemandModel.MinimumDays)
        {
            return new PromotionAnalysisReport([], skipped, stopwatch.Elapsed);
        }

        using var model = GlobalDemandModel.Train(history, modelOptions, cancellationToken);
        var catalog = warehouse.ReadPromotionCatalog(cancellationToken).ToDictionary(i => i.Sku, StringComparer.Ordinal);
        var sales = new SalesLedger(warehouse.ReadSeriesSales(measurable.Min(s => s.StartsOn).AddDays(-Math.Max(settings.PriceDays, settings.LevelDays)),
            measurable.Max(s => s.EndsOn).AddDays(settings.DipDays), cancellationToken));
        var z = Normal.InvCDF(0, 1, 0.5 + (settings.Confidence / 2));
        var measurement = new PromotionMeasurement(history, catalog, sales, new PromotionReach(catalog, settings, scopes), settings);
        var measured = measurable.Select(scope =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return measurement.Measure(scope, model);
        }).ToList();
        var shiftPools = Pools([Span.Running, Span.After], span => measured.Select(m => m.ControlShifts[span].Deviation));
        var shifted = measured.Select(m => m.Shifted(shiftPools)).ToList();
        var pools = Pools(Enum.GetValues<CrossEffect>(), effect => shifted.Select(m => m.Terms.RateOf(effect)));
        var results = shifted.Select(m => m.Result(pools, z)).OrderByDescending(r => r.Margin.Incremental.Value).ToList();
        warehouse.ReplacePromotionResults(new PromotionRun(clock.GetUtcNow(), results.Count, settings.Confidence, stopwatch.Elapsed.TotalSeconds), results);
        return new PromotionAnalysisReport(results, skipped, stopwatch.Elapsed);
    }

    /// <summary>Each key's rates pooled across the promotions measured, where enough of them show it.</summary>
    private static Dictionary<TKey, RatePool> Pools<TKey>(IEnumerable<TKey> keys, Func<TKey, IEnumerable<Rate?>> rates) where TKey : notnull =>
        keys.Select(key => (Key: key, Pool: RatePool.Of([.. rates(key).OfType<Rate>()])))
            .Where(p => p.Pool is not null)
            .ToDictionary(p => p.Key, p => p.Pool!);

    private static PromotionAnalysisReport Nothing(IReadOnlyList<PromotionScope> scopes) =>
        new([], [.. scopes.Select(s => (s.PromotionId, "the warehouse holds no sales history"))], TimeSpan.Zero);
}
