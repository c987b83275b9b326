using System.Threading.Channels;
using OmniPos.Core.Storage;

namespace OmniPos.Ingest.Simulation;

/// <summary>
/// A whole simulation against a running ingest API: the world's catalog saved and its device keys made in the store,
/// then each day simulated and posted (the next day is simulated while this one posts), the ground truth written to
/// <c>truth/</c> beside the data.
/// </summary>
public static class SimulationRun
{
    public const string TruthFolder = "truth";

    public static async Task<SimulationTally> RunAsync(RetailWorld world, IOperationalStore store, HttpClient api, string dataDirectory,
        Action<SimulationProgress>? progress, CancellationToken cancellationToken)
    {
        await WorldCatalog.SaveAsync(store, world, cancellationToken);
        var poster = new SimulationPoster(api, await SimulationKeys.CreateAsync(store, world, cancellationToken));
        using var truth = new GroundTruthWriter(Path.Combine(dataDirectory, TruthFolder));
        var simulator = new ChainSimulator(world, truth);
        var days = Channel.CreateBounded<SimulatedDay>(2);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var day in simulator.Run())
                {
                    await days.Writer.WriteAsync(day, stop.Token);
                }

                days.Writer.Complete();
            }
            catch (Exception e)
            {
                days.Writer.Complete(e);
            }
        }, stop.Token);

        var (posted, events) = (0, 0L);
        try
        {
            await foreach (var day in days.Reader.ReadAllAsync(cancellationToken))
            {
                await poster.PostAsync(day, cancellationToken);
                events += day.Events.Count;
                progress?.Invoke(new SimulationProgress(Math.Min(++posted, world.Options.Days), world.Options.Days, events));
            }
        }
        finally
        {
            // On a refusal the simulator may be waiting on a full channel: stopped, it ends, and the ground truth it
            // writes to is closed only after it has.
            await stop.CancelAsync();
            await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await producer;
        return simulator.Tally;
    }
}
