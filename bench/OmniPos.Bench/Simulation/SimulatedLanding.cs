using Microsoft.Extensions.Logging.Abstractions;
using OmniPos.Bench.Stores;
using OmniPos.Core.Storage;
using OmniPos.Ingest.Simulation;
using OmniPos.TestApi;
using OmniPos.Warehouse;

namespace OmniPos.Bench.Simulation;

/// <summary>A simulated world posted through the ingest API into a store, then landed into a warehouse of the folder: what the model cases measure on, and how they run.</summary>
internal static class SimulatedLanding
{
    /// <summary>
    /// A model case run once (with the first store target, unless <c>--only</c> names one): <paramref name="measure"/> over
    /// a fresh store of the target and a temporary folder, removed after.
    /// </summary>
    public static async Task<IReadOnlyList<ResultRow>> OnceAsync(StoreTarget target, BenchSettings settings, string folderPrefix,
        Func<IOperationalStore, DirectoryInfo, Task<IReadOnlyList<ResultRow>>> measure, CancellationToken cancellationToken)
    {
        if (settings.Only is null && target.Engine != StoreEngine.Sqlite)
        {
            return [];
        }

        var folder = Directory.CreateTempSubdirectory(folderPrefix);
        try
        {
            await using var store = await target.OpenStoreAsync(cancellationToken);
            return await measure(store, folder);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The landed warehouse; the world's ground truth is in the folder's <see cref="SimulationRun.TruthFolder"/>.</summary>
    public static async Task<AnalyticsWarehouse> PostAndLandAsync(IOperationalStore store, SimulationOptions world, string folder, Action<string> status,
        CancellationToken cancellationToken)
    {
        await using (var api = await ApiHost.StartAsync(store, TimeProvider.System, new Dictionary<string, string?>(), NullLoggerProvider.Instance))
        {
            await SimulationRun.RunAsync(RetailWorld.Create(world), store, api.NewClient(null), folder,
                progress => status($"simulated and posted {progress.DaysPosted}/{progress.Days} days"), cancellationToken);
        }

        var warehouse = AnalyticsWarehouse.Open(folder);
        status("landing");
        await warehouse.LandAsync(store, cancellationToken: cancellationToken);
        return warehouse;
    }
}
