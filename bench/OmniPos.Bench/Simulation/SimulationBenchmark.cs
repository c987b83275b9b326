using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using OmniPos.Bench.Stores;
using OmniPos.Ingest.Simulation;
using OmniPos.TestApi;
using OmniPos.Warehouse;

namespace OmniPos.Bench.Simulation;

/// <summary>
/// Issue #5's demo world: the default simulation (365 days, 12 shops, 2,000 SKUs, seed 7) posted through the ingest API
/// (Kestrel on a loopback port in this process) into a new store, as <c>make demo</c> does, then landed into a new
/// warehouse; events a second over the whole posting, p50/p99 of a day's posting, and the landing's time. Goal: the
/// simulation within 5 minutes on 2 cores.
/// </summary>
internal sealed class SimulationBenchmark : IBenchmark
{
    private static readonly TimeSpan Goal = TimeSpan.FromMinutes(5);

    public string Name => "simulate demo world";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(StoreTarget target, BenchSettings settings, Action<string> status, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("omnipos-bench-simulation-");
        try
        {
            var options = new SimulationOptions();
            await using var store = await target.OpenStoreAsync(cancellationToken);
            var days = new List<TimeSpan>();
            var started = Stopwatch.GetTimestamp();
            var lastDay = started;
            SimulationTally tally;
            await using (var api = await ApiHost.StartAsync(store, TimeProvider.System, new Dictionary<string, string?>(), NullLoggerProvider.Instance))
            {
                tally = await SimulationRun.RunAsync(RetailWorld.Create(options), store, api.NewClient(null), folder.FullName, progress =>
                {
                    days.Add(Stopwatch.GetElapsedTime(lastDay));
                    lastDay = Stopwatch.GetTimestamp();
                    status($"{target.Name}: simulated and posted {progress.DaysPosted}/{progress.Days} days, {progress.EventsPosted:N0} events");
                }, cancellationToken);
            }

            var simulated = Stopwatch.GetElapsedTime(started);
            using var warehouse = AnalyticsWarehouse.Open(folder.FullName);
            status($"{target.Name}: landing the simulated year");
            var landing = await warehouse.LandAsync(store, cancellationToken: cancellationToken);
            var notes = $"{target.Setup}; {tally.Events:N0} events ({tally.Sales:N0} sales, {tally.Returns:N0} returns), {tally.Settlements + tally.Chargebacks:N0} "
                + $"processor records, simulated and posted in {simulated.TotalSeconds:N0} s (p50/p99: one day's posting), landed in {landing.Elapsed.TotalSeconds:N0} s; "
                + $"goal: simulation ≤ {Goal.TotalMinutes:N0} min — {(simulated <= Goal ? "met" : "missed")}";
            return [new ResultRow(Name, target.Name, Measurement.Of(1, simulated, tally.Events, days), notes)];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
