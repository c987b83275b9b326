using Microsoft.Extensions.Logging.Abstractions;
using OmniPos.Core.Storage;
using OmniPos.Jobs.Forecasting;
using OmniPos.Jobs.LossPrevention;
using OmniPos.Jobs.Promotions;
using OmniPos.Jobs.Warehouse;
using OmniPos.Jobs.Webhooks;
using OmniPos.Warehouse.Lake;

namespace OmniPos.Jobs.Tests.Support;

/// <summary>
/// A test's own folder (the data directory) with an operational store of its engine, and scheduler nodes over it. Every
/// schedule is off unless the test turns it on; heartbeats, retries, misfires and cluster check-ins are in seconds.
/// </summary>
public abstract class JobsTestBase(JobsEngine engine) : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("omnipos-jobs-test-").FullName;
    private readonly List<SchedulerNode> _nodes = [];

    /// <summary>The schedule's name in the job store: Quartz keeps one scheduler per name in a process, so each test has its own.</summary>
    protected string SchedulerName { get; } = $"omnipos-test-{Guid.NewGuid():N}";

    protected string DataDirectory => _folder;

    protected IOperationalStore Store { get; private set; } = null!;

    protected StoreOptions StoreOptions { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        StoreOptions = await engine.NewStoreAsync(_folder);
        Store = await OperationalStore.OpenAsync(StoreOptions, _folder, TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        try
        {
            foreach (var node in _nodes)
            {
                await node.DisposeAsync();
            }

            if (Store is not null)
            {
                await Store.DisposeAsync();
            }
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>The settings every node of the test runs with, <paramref name="overrides"/> (<c>Jobs:…</c> keys) over them.</summary>
    protected Dictionary<string, string?> Settings(string instance, params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Jobs:SchedulerName"] = SchedulerName,
            ["Jobs:InstanceId"] = instance,
            ["Jobs:HeartbeatSeconds"] = "1",
            ["Jobs:StaleAfterSeconds"] = "4",
            ["Jobs:FirstRetrySeconds"] = "1",
            ["Jobs:MaxRetrySeconds"] = "4",
            ["Jobs:MisfireThresholdSeconds"] = "1",
            ["Jobs:CheckinIntervalSeconds"] = "1",
        };
        foreach (var job in new[] { LandingJob.Name, LakeCompactionJob.Name, WebhookDeliveryJob.Name, HousekeepingJob.Name, DemandTrainingJob.Name, StockAlertsJob.Name, FraudScanJob.Name, PromotionAnalysisJob.Name })
        {
            settings[$"Jobs:Schedules:{job}"] = JobsOptions.Off;
        }

        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Starts a scheduler node in this process; the test disposes it at its end if it has not stopped it.</summary>
    protected async Task<SchedulerNode> StartNodeAsync(string instance, params (string Key, string Value)[] overrides)
    {
        var node = await SchedulerNode.StartAsync(Store, StoreOptions, _folder, Settings(instance, overrides));
        _nodes.Add(node);
        return node;
    }

    /// <summary>The job's runs in the order they started.</summary>
    protected static async Task<List<JobRun>> RunsAsync(SchedulerNode node, string job) =>
        [.. (await node.History.ListAsync(job, 10_000, CancellationToken.None)).OrderBy(r => r.StartedAt).ThenBy(r => r.RunId, StringComparer.Ordinal)];

    /// <summary>Asks the scheduler for a run of the job now and returns it once it has ended.</summary>
    protected static async Task<JobRun> RunToEndAsync(SchedulerNode node, string job)
    {
        var before = (await RunsAsync(node, job)).Count(r => r.EndedAt is not null);
        await node.Scheduler.TriggerAsync(job, CancellationToken.None);
        await EventuallyAsync(async () => (await RunsAsync(node, job)).Count(r => r.EndedAt is not null) > before, 300, $"{job} did not end");
        return (await RunsAsync(node, job)).Where(r => r.EndedAt is not null).ElementAt(before);
    }

    /// <summary>
    /// Runs the job once in the test's own thread, as <c>omnipos jobs run</c> does (after a run of it going elsewhere has
    /// ended), and returns its run: for a job the test needs after another, without waiting on a second firing by the scheduler.
    /// </summary>
    protected static async Task<JobRun> RunHereAsync(SchedulerNode node, string job)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(300));
        var end = await node.Runner.RunAsync(node.Catalog.Get(job), RunCauses.Manual, 1, null, waitForTurn: true, mayRetry: false, limit.Token);
        return end.Run ?? throw new InvalidOperationException($"{job} did not run");
    }

    /// <summary>Waits until <paramref name="condition"/> holds, failing with <paramref name="what"/> after <paramref name="seconds"/>.</summary>
    protected static async Task EventuallyAsync(Func<Task<bool>> condition, int seconds, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"after {seconds} s: {what}");
            await Task.Delay(100);
        }
    }

    /// <summary>Every sale and return line the store accepted is in the lake's Parquet files once: their counts and sums agree.</summary>
    protected async Task AssertLakeEqualsStoreAsync()
    {
        var (inStore, inLake) = await LakeReconciliation.ReconcileAsync(Store, DataDirectory, CancellationToken.None);
        Assert.True(inStore.SaleLines > 0, "the store holds no sale");
        Assert.Equal(inStore, inLake);
    }

    /// <summary>No two runs of a job were going at the same moment.</summary>
    protected static void AssertNeverOverlapped(IReadOnlyList<JobRun> runs)
    {
        var ended = runs.Where(r => r.EndedAt is not null).OrderBy(r => r.StartedAt).ToList();
        foreach (var (earlier, later) in ended.Zip(ended.Skip(1)))
        {
            Assert.True(earlier.EndedAt <= later.StartedAt,
                $"run {earlier.RunId} ({earlier.Instance}, {earlier.StartedAt:HH:mm:ss.fff}-{earlier.EndedAt:HH:mm:ss.fff}) overlaps {later.RunId} ({later.Instance}, from {later.StartedAt:HH:mm:ss.fff})");
        }
    }
}
