using Microsoft.Extensions.Logging.Abstractions;
using OmniPos.Core.Storage;
using OmniPos.Ingest.Simulation;
using OmniPos.TestApi;
using OmniPos.Warehouse;

namespace OmniPos.Bench.Simulation;

/// <summary>A simulated world posted through the ingest API into a store, then landed into a warehouse of the folder: what the model cases measure on.</summary>
internal static class SimulatedLanding
{
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
