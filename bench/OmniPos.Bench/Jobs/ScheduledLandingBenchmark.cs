using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OmniPos.Bench.Stores;
using OmniPos.Ingest.Simulation;
using OmniPos.Jobs;
using OmniPos.TestApi;
using OmniPos.Warehouse.Lake;

namespace OmniPos.Bench.Jobs;

/// <summary>
/// Issue #6: the scheduled landing job under the load generator. The scheduler fires landing every
/// <see cref="IntervalSeconds"/> while 120 days of the demo chain are posted through the ingest API; a run lands all that
/// was accepted before it began, so the lake is at most (a run's end − the previous run's start) behind the store. Goal:
/// every run done within its interval, so nothing waits longer than one interval and a run; afterwards the store's and the
/// lake's sale and return lines agree exactly. Latencies are the runs' durations.
/// </summary>
internal sealed class ScheduledLandingBenchmark : IBenchmark
{
    private const int IntervalSeconds = 10;

    public string Name => "scheduled landing under load";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(StoreTarget target, BenchSettings settings, Action<string> status, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("omnipos-bench-jobs-");
        try
        {
            var options = await target.NewStoreAsync(cancellationToken);
            await using var store = await StoreTarget.OpenAsync(options, cancellationToken);
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Jobs:SchedulerName"] = $"bench-{Guid.NewGuid():N}",
                ["Jobs:Schedules:landing"] = $"0/{IntervalSeconds} * * * * ?",
                ["Jobs:Schedules:compaction"] = JobsOptions.Off,
                ["Jobs:Schedules:webhooks"] = JobsOptions.Off,
                ["Jobs:Schedules:housekeeping"] = JobsOptions.Off,
                ["Jobs:Schedules:demand-training"] = JobsOptions.Off,
                ["Jobs:Schedules:stock-alerts"] = JobsOptions.Off,
                ["Jobs:Schedules:fraud-scan"] = JobsOptions.Off,
            }).Build();
            await using var services = JobsServices.Standalone(configuration, store, options, folder.FullName);
            var scheduler = services.GetRequiredService<JobScheduler>();
            var history = services.GetRequiredService<JobHistory>();
            await scheduler.StartAsync(cancellationToken);

            var started = Stopwatch.GetTimestamp();
            SimulationTally tally;
            await using (var api = await ApiHost.StartAsync(store, TimeProvider.System, new Dictionary<string, string?>(), NullLoggerProvider.Instance))
            {
                tally = await SimulationRun.RunAsync(RetailWorld.Create(new SimulationOptions { Days = 120 }), store, api.NewClient(null), folder.FullName,
                    progress => status($"{target.Name}: posted {progress.DaysPosted}/{progress.Days} days, {progress.EventsPosted:N0} events, landing every {IntervalSeconds} s"),
                    cancellationToken);
            }

            var posted = DateTimeOffset.UtcNow;
            status($"{target.Name}: waiting for the landing after the load");
            while (!(await history.ListAsync("landing", 5, cancellationToken)).Any(r => r.StartedAt > posted && r.Outcome == RunOutcomes.Succeeded))
            {
                await Task.Delay(200, cancellationToken);
            }

            var wall = Stopwatch.GetElapsedTime(started);
            await scheduler.StopAsync(cancellationToken);
            var runs = (await history.ListAsync("landing", 10_000, cancellationToken)).OrderBy(r => r.StartedAt).ToList();
            var durations = runs.Select(r => r.EndedAt!.Value - r.StartedAt).ToList();
            var behind = runs.Zip(runs.Skip(1), (run, next) => next.EndedAt!.Value - run.StartedAt).Max();
            var (inStore, inLake) = await LakeReconciliation.ReconcileAsync(store, folder.FullName, cancellationToken);
            var withinInterval = durations.Max() < TimeSpan.FromSeconds(IntervalSeconds);
            var notes = $"{target.Setup}; {tally.Events:N0} events posted in {wall.TotalSeconds:N0} s while landing ran every {IntervalSeconds} s: {runs.Count} runs "
                + $"(p50/p99: a run), longest {durations.Max().TotalSeconds:N1} s, the lake at most {behind.TotalSeconds:N1} s behind the store; "
                + $"goal: every run within its interval — {Goal.Met(withinInterval)}; store and lake lines and sums equal — {Goal.Met(inStore == inLake)} "
                + $"({inLake.SaleLines:N0} sale lines, {inLake.Gross:N2} gross)";
            return [new ResultRow(Name, target.Name, Measurement.Of(1, wall, tally.Events, durations), notes)];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
