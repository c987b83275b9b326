using Microsoft.Extensions.Options;
using OmniPos.Jobs.Tests.Support;

namespace OmniPos.Jobs.Tests.Scheduling;

/// <summary>
/// Issue #6 on PostgreSQL, where nodes share the job store as one Quartz cluster: two <c>omnipos serve</c> processes over
/// one store and data directory run each firing once, and when the one running a landing is killed the other takes its
/// work over; and stopping a scheduler waits for the job it is running.
/// </summary>
[Collection(PostgresServerDefinition.Name)]
public sealed class PostgresClusterTests(PostgresJobs postgres) : JobsTestBase(postgres)
{
    [Fact]
    public async Task Two_nodes_run_each_firing_once_and_when_one_dies_mid_run_the_other_takes_its_work_over()
    {
        await using var load = await SimulatedLoad.StartAsync(Store, DataDirectory, SimulatedLoad.Small with { Days = 14 }, pauseAfterDay: 7);
        await load.Paused;
        var schedule = ("Jobs:Schedules:landing", "0/2 * * * * ?");
        var nodes = new Dictionary<string, ServeProcess>
        {
            ["node-a"] = await ServeProcess.StartAsync(DataDirectory, StoreOptions, Settings("node-a", schedule)),
            ["node-b"] = await ServeProcess.StartAsync(DataDirectory, StoreOptions, Settings("node-b", schedule)),
        };
        try
        {
            var history = new JobHistory(Database(), Options.Create(new JobsOptions()), TimeProvider.System);
            await EventuallyAsync(async () => (await LandingsAsync(history)).Count(r => r.Cause == RunCauses.Schedule && r.EndedAt is not null) >= 6, 90,
                "the cluster did not run six firings");

            // The next landing waits on the event log: kill the node that runs it, mid-run, then let the log go.
            JobRun victimRun;
            await using (await PostgresJobs.HoldEventLogAsync(StoreOptions))
            {
                JobRun? running = null;
                await EventuallyAsync(async () => (running = (await LandingsAsync(history)).FirstOrDefault(r => r.Outcome == RunOutcomes.Running)) is not null, 30,
                    "no landing started while the event log was held");
                victimRun = running!;
                nodes[victimRun.Instance].Kill();
                await Task.Delay(TimeSpan.FromSeconds(1));
            }

            var killedAt = DateTimeOffset.UtcNow;
            var survivor = nodes.Keys.Single(n => n != victimRun.Instance);
            load.Resume();
            await load.Posted;
            var posted = DateTimeOffset.UtcNow;
            // The survivor's own firings may come before or after the run it recovers for the dead node; both must come.
            await EventuallyAsync(async () => (await LandingsAsync(history)) is var landings
                    && landings.Any(r => r.StartedAt > posted && r.Outcome == RunOutcomes.Succeeded)
                    && landings.Any(r => r.Cause == RunCauses.Recovery && r.Outcome == RunOutcomes.Succeeded), 90,
                "the survivor did not both recover the dead node's run and land what was posted after the kill");
            Assert.Equal(0, await nodes[survivor].StopAsync());

            var runs = await LandingsAsync(history);
            var scheduled = runs.Where(r => r.Cause == RunCauses.Schedule).GroupBy(r => r.ScheduledAt).ToList();
            Assert.All(scheduled, firing => Assert.True(firing.Count() == 1, $"the firing of {firing.Key:HH:mm:ss} ran {firing.Count()} times"));
            Assert.Equal(RunOutcomes.Interrupted, runs.Single(r => r.RunId == victimRun.RunId).Outcome);
            Assert.Contains(runs, r => r.Cause == RunCauses.Recovery && r.Instance == survivor && r.Outcome == RunOutcomes.Succeeded);
            Assert.All(runs.Where(r => r.StartedAt > killedAt), r => Assert.Equal(survivor, r.Instance));
            AssertNeverOverlapped(runs);
            await AssertLakeEqualsStoreAsync();
        }
        finally
        {
            foreach (var node in nodes.Values)
            {
                await node.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Stopping_a_scheduler_waits_for_the_job_it_is_running()
    {
        await SimulatedLoad.PostAsync(Store, DataDirectory, SimulatedLoad.Small with { Days = 7 });
        var node = await StartNodeAsync("node-1");
        Task stopping;
        await using (await PostgresJobs.HoldEventLogAsync(StoreOptions))
        {
            await node.Scheduler.TriggerAsync("landing", CancellationToken.None);
            await EventuallyAsync(async () => (await RunsAsync(node, "landing")).Any(r => r.Outcome == RunOutcomes.Running), 30, "the landing did not start");
            stopping = node.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.False(stopping.IsCompleted, "the scheduler stopped while its landing was running");
        }

        await stopping;
        var run = Assert.Single(await RunsAsync(node, "landing"));
        Assert.Equal(RunOutcomes.Succeeded, run.Outcome);
        await AssertLakeEqualsStoreAsync();
    }

    private JobStoreDatabase Database() => JobStoreDatabase.For(StoreOptions, DataDirectory);

    private static async Task<List<JobRun>> LandingsAsync(JobHistory history) =>
        [.. (await history.ListAsync("landing", 10_000, CancellationToken.None)).OrderBy(r => r.StartedAt)];
}
