using Microsoft.Extensions.Logging.Abstractions;
using OmniPos.Core.Storage;
using OmniPos.Ingest.Simulation;
using OmniPos.TestApi;

namespace OmniPos.Jobs.Tests.Support;

/// <summary>
/// The load generator: a seeded chain simulated day by day and posted through the real ingest API (one key per device),
/// in the background, optionally pausing after a given day until told to go on.
/// </summary>
public sealed class SimulatedLoad : IAsyncDisposable
{
    private readonly ApiHost _api;
    private readonly ManualResetEventSlim _resume = new(true);
    private readonly TaskCompletionSource _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SimulatedLoad(ApiHost api) => _api = api;

    public static SimulationOptions Small { get; } = new() { Days = 10, Stores = 2, Skus = 60, Customers = 80, Seed = 5 };

    /// <summary>Completes when every day is posted.</summary>
    public Task<SimulationTally> Posted { get; private set; } = null!;

    /// <summary>Completes when the posting has paused after the day asked for.</summary>
    public Task Paused => _paused.Task;

    public static async Task<SimulatedLoad> StartAsync(IOperationalStore store, string folder, SimulationOptions options, int? pauseAfterDay = null)
    {
        var api = await ApiHost.StartAsync(store, TimeProvider.System, new Dictionary<string, string?>(), NullLoggerProvider.Instance);
        var load = new SimulatedLoad(api);
        if (pauseAfterDay is not null)
        {
            load._resume.Reset();
        }

        load.Posted = Task.Run(() => SimulationRun.RunAsync(RetailWorld.Create(options), store, api.NewClient(null), folder, progress =>
        {
            if (progress.DaysPosted == pauseAfterDay)
            {
                load._paused.TrySetResult();
                load._resume.Wait();
            }
        }, CancellationToken.None));
        return load;
    }

    /// <summary>Posts a whole world and returns once it is in the store.</summary>
    public static async Task PostAsync(IOperationalStore store, string folder, SimulationOptions options)
    {
        await using var load = await StartAsync(store, folder, options);
        await load.Posted;
    }

    public void Resume() => _resume.Set();

    public async ValueTask DisposeAsync()
    {
        Resume();
        await ((Task)Posted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _api.DisposeAsync();
        _resume.Dispose();
    }
}
