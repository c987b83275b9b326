using OmniPos.Core.Events;
using OmniPos.Core.Storage;
using OmniPos.Jobs.Tests.Support;
using OmniPos.TestApi;

namespace OmniPos.Jobs.Tests.Scheduling;

/// <summary>
/// Issue #6 with a real Quartz.NET scheduler over each engine's job store: firing on a schedule and chaining, retrying
/// transient failures with backoff, never running one job twice at once under load, and catching up once after downtime.
/// </summary>
public abstract class JobSchedulingTests(JobsEngine engine) : JobsTestBase(engine)
{
    private const string EverySecond = "0/1 * * * * ?";

    [Fact]
    public async Task Landing_on_a_short_schedule_lands_what_was_posted_and_the_marts_refresh_follows_it()
    {
        await SimulatedLoad.PostAsync(Store, DataDirectory, SimulatedLoad.Small);

        var node = await StartNodeAsync("node-1", ("Jobs:Schedules:landing", EverySecond));
        await EventuallyAsync(async () => (await RunsAsync(node, "marts")).Any(r => r.Outcome == RunOutcomes.Succeeded && r.Rows > 0), 60,
            "no marts refresh redid any week");
        await node.StopAsync();

        var landings = await RunsAsync(node, "landing");
        var first = landings.First(r => r.Rows > 0);
        Assert.Equal((RunCauses.Schedule, RunOutcomes.Succeeded, 1, "node-1"), (first.Cause, first.Outcome, first.Attempt, first.Instance));
        Assert.NotNull(first.ScheduledAt);
        Assert.Contains("events", first.Summary, StringComparison.Ordinal);
        var refresh = (await RunsAsync(node, "marts")).First(r => r.Rows > 0);
        Assert.Equal(RunCauses.Chained, refresh.Cause);
        Assert.True(refresh.StartedAt >= first.EndedAt, "the marts refresh started before the landing it follows had ended");
        await AssertLakeEqualsStoreAsync();
    }

    [Fact]
    public async Task A_transient_failure_is_retried_with_growing_waits_each_attempt_recorded_until_the_attempts_run_out()
    {
        await SimulatedLoad.PostAsync(Store, DataDirectory, SimulatedLoad.Small with { Days = 7 });
        // A file where the lake's folder goes: every landing fails to make its staging folder (an IOException).
        var blocker = Path.Combine(DataDirectory, "lake");
        await File.WriteAllTextAsync(blocker, "not a folder");
        var node = await StartNodeAsync("node-1", ("Jobs:MaxAttempts", "3"));

        await node.Scheduler.TriggerAsync("landing", CancellationToken.None);
        await EventuallyAsync(async () => (await RunsAsync(node, "landing")).Any(r => r.Outcome == RunOutcomes.Failed), 60, "the attempts did not run out");

        var runs = await RunsAsync(node, "landing");
        Assert.Equal([RunOutcomes.Retrying, RunOutcomes.Retrying, RunOutcomes.Failed], runs.Select(r => r.Outcome));
        Assert.Equal([1, 2, 3], runs.Select(r => r.Attempt));
        Assert.Equal([RunCauses.Manual, RunCauses.Retry, RunCauses.Retry], runs.Select(r => r.Cause));
        Assert.All(runs, r => Assert.StartsWith("System.IO.DirectoryNotFoundException", r.Error, StringComparison.Ordinal));
        Assert.Null(runs[2].RetryAt);
        foreach (var (failed, wait) in runs.Zip([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)]))
        {
            // The wait doubles: due its wait after the failed attempt ended (recorded a moment after it was computed).
            var due = failed.RetryAt!.Value - failed.EndedAt!.Value;
            Assert.InRange(due, wait - TimeSpan.FromSeconds(1), wait);
        }

        Assert.All(runs.Zip(runs.Skip(1)), pair => Assert.True(pair.Second.StartedAt >= pair.First.RetryAt, "a retry ran before it was due"));
        Assert.Empty(Directory.GetFiles(DataDirectory, "*.parquet", SearchOption.AllDirectories));

        File.Delete(blocker);
        await node.Scheduler.TriggerAsync("landing", CancellationToken.None);
        await EventuallyAsync(async () => (await RunsAsync(node, "landing")).Any(r => r.Outcome == RunOutcomes.Succeeded), 60, "the landing did not succeed once it could");
        await node.StopAsync();
        await AssertLakeEqualsStoreAsync();
    }

    [Fact]
    public async Task Landing_never_runs_twice_at_once_under_the_load_generator_and_the_lake_ends_equal_to_the_store()
    {
        var node = await StartNodeAsync("node-1", ("Jobs:Schedules:landing", EverySecond));
        var landing = node.Catalog.Get("landing");
        await using var load = await SimulatedLoad.StartAsync(Store, DataDirectory, SimulatedLoad.Small with { Days = 21, Stores = 3 });

        // Meanwhile the command line asks for runs of its own (refused while one is going), and runs are asked of the scheduler.
        var refused = 0;
        while (!load.Posted.IsCompleted)
        {
            await node.Scheduler.TriggerAsync("landing", CancellationToken.None);
            var asked = await node.Runner.RunAsync(landing, RunCauses.Manual, 1, null, waitForTurn: false, mayRetry: false, CancellationToken.None);
            refused += asked.Run is null ? 1 : 0;
            await Task.Delay(150);
        }

        await load.Posted;
        var posted = DateTimeOffset.UtcNow;
        await EventuallyAsync(async () => (await RunsAsync(node, "landing")).Any(r => r.StartedAt > posted && r.Outcome == RunOutcomes.Succeeded), 60,
            "no landing ran after the load ended");
        await node.StopAsync();

        var runs = await RunsAsync(node, "landing");
        Assert.All(runs, r => Assert.Equal(RunOutcomes.Succeeded, r.Outcome));
        AssertNeverOverlapped(runs);
        Assert.True(runs.Count(r => r.Rows > 0) > 1, $"the load landed in {runs.Count(r => r.Rows > 0)} run(s); {refused} asked-for runs were refused");
        await AssertLakeEqualsStoreAsync();
    }

    [Fact]
    public async Task The_webhooks_job_posts_every_event_of_a_subscribed_kind_to_its_receiver_signed()
    {
        const string Secret = "a-test-secret-of-some-length";
        await using var receiver = await WebhookListener.StartAsync(Secret);
        await Store.Webhooks.AddAsync(receiver.Url, [EventTypes.Return], Secret, CancellationToken.None);
        await SimulatedLoad.PostAsync(Store, DataDirectory, SimulatedLoad.Small with { Days = 7 });
        var returns = new List<long>();
        var after = 0L;
        for (IReadOnlyList<StoredEvent> page; (page = await Store.ReadEventsAsync(after, 5_000, CancellationToken.None)).Count > 0; after = page[^1].Seq)
        {
            returns.AddRange(page.Where(e => e.Type == EventTypes.Return).Select(e => e.Seq));
        }

        var node = await StartNodeAsync("node-1", ("Jobs:Schedules:webhooks", EverySecond));
        await EventuallyAsync(() => Task.FromResult(receiver.Posts.Select(p => p.DeliveryId).Distinct().Count() >= returns.Count), 90,
            $"fewer than the {returns.Count} returns reached the receiver");
        await node.StopAsync();

        Assert.NotEmpty(returns);
        Assert.Equal(0, receiver.Forged);
        Assert.All(receiver.Posts, p => Assert.Equal(EventTypes.Return, p.Kind));
        Assert.Equal(returns.Order(), receiver.Posts.Select(p => p.Body.GetProperty("data").GetProperty("seq").GetInt64()).Distinct().Order());
        Assert.Contains(await RunsAsync(node, "webhooks"), r => r.Outcome == RunOutcomes.Succeeded && r.Rows > 0);
    }

    [Fact]
    public async Task Firings_missed_while_no_scheduler_ran_catch_up_once_not_once_each()
    {
        const int Interval = 3;
        var schedule = ("Jobs:Schedules:landing", $"0/{Interval} * * * * ?");
        var first = await StartNodeAsync("node-1", schedule);
        await EventuallyAsync(async () => (await RunsAsync(first, "landing")).Any(r => r.EndedAt is not null), 30, "the schedule never fired");
        await first.StopAsync();
        var stopped = DateTimeOffset.UtcNow;

        // Down for over three firings; back just after a firing time, so the next regular one is nearly an interval away.
        await Task.Delay(TimeSpan.FromSeconds(Interval * 3 + 1));
        await Task.Delay(TimeSpan.FromMilliseconds(Interval * 1000 - (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % (Interval * 1000)) + 200));
        var restarted = DateTimeOffset.UtcNow;
        var second = await StartNodeAsync("node-2", schedule);
        await EventuallyAsync(async () => (await RunsAsync(second, "landing")).Count(r => r.StartedAt >= restarted) >= 2, 30, "the schedule did not go on after catching up");
        await second.StopAsync();

        // A regular firing is scheduled on the 3-second grid; the catch-up of the missed ones is scheduled when it was found
        // missed (a slow start may fold the first regular firings into it too). However long the start took, one catch-up.
        var runs = await RunsAsync(second, "landing");
        Assert.DoesNotContain(runs, r => r.StartedAt > stopped && r.StartedAt < restarted);
        var run = Assert.Single(runs, r => r.StartedAt >= restarted && r.ScheduledAt is { } at && (at < restarted || at.ToUnixTimeMilliseconds() % (Interval * 1000) != 0));
        Assert.Equal(("node-2", RunCauses.Schedule, RunOutcomes.Succeeded), (run.Instance, run.Cause, run.Outcome));
    }
}

public sealed class SqliteJobSchedulingTests() : JobSchedulingTests(new SqliteJobs());

[Collection(PostgresServerDefinition.Name)]
public sealed class PostgresJobSchedulingTests(PostgresJobs postgres) : JobSchedulingTests(postgres);
