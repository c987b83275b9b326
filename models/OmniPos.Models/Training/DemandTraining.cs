using System.Diagnostics;
using OmniPos.Core.Storage;
using OmniPos.Models.Forecasting;
using OmniPos.Models.Replenishment;
using OmniPos.Warehouse;
using OmniPos.Warehouse.Forecasts;

namespace OmniPos.Models.Training;

/// <summary>
/// The nightly training (<c>omnipos train</c> and the training job): the warehouse's demand history (landed sales with
/// stock-outs censored, imported history before them) forecast 28 days ahead by <see cref="DemandForecasting"/>, the
/// forecast stored in the warehouse, and a reorder policy per SKU and location the ledger keeps stock of written to the
/// operational store, where the alerts sweep reads it.
/// </summary>
public sealed class DemandTraining(ReplenishmentSettings settings, TimeProvider clock, GlobalModelOptions? options = null)
{
    /// <exception cref="NotEnoughHistoryException">The warehouse holds no history, or too little to backtest.</exception>
    public async Task<DemandTrainingReport> RunAsync(AnalyticsWarehouse warehouse, IOperationalStore store, CancellationToken cancellationToken)
    {
        var history = warehouse.ReadSalesHistory(cancellationToken)
            ?? throw new NotEnoughHistoryException("The warehouse holds no sales: land some (omnipos land) or import history (omnipos import-history) first.");
        if (history.Days < DemandForecasting.MinimumDays)
        {
            throw new NotEnoughHistoryException(
                $"The warehouse holds {history.Days} days of sales from {history.Calendar.Start:yyyy-MM-dd}; forecasting backtests need at least {DemandForecasting.MinimumDays}.");
        }

        var stopwatch = Stopwatch.StartNew();
        var forecast = new DemandForecasting(options).Run(history, cancellationToken);
        var run = new ForecastRun(clock.GetUtcNow(), forecast.Start, forecast.Series.Count, history.Days, stopwatch.Elapsed.TotalSeconds,
            string.Join("; ", forecast.Choices.Select(choice => $"{choice.Key}: {choice.Value}")));
        warehouse.ReplaceForecasts(run, [.. forecast.Series.Select(s => new ForecastRecord(s.Key, s.Pattern.ToString(), s.Method, s.DailyError, forecast.Start, s.Mean))]);

        var stocked = (await store.Replenishment.ListPositionsAsync(cancellationToken)).Select(position => (position.Sku, position.Location)).ToHashSet();
        var planner = new ReplenishmentPlanner(settings);
        var policies = forecast.Series.Where(s => stocked.Contains((s.Key.Sku, s.Key.Location))).Select(planner.PolicyFor).ToList();
        await store.Replenishment.ReplacePoliciesAsync(policies, cancellationToken);
        return new DemandTrainingReport(run, forecast, policies);
    }
}
