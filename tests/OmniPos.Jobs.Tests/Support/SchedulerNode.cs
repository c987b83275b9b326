using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OmniPos.Core.Storage;

namespace OmniPos.Jobs.Tests.Support;

/// <summary>The jobs part of a server, in this process: the services <c>omnipos serve</c> gives the scheduler, over a real store.</summary>
public sealed class SchedulerNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private bool _started;

    private SchedulerNode(ServiceProvider services) => _services = services;

    public JobScheduler Scheduler => _services.GetRequiredService<JobScheduler>();

    public JobHistory History => _services.GetRequiredService<JobHistory>();

    public JobRunner Runner => _services.GetRequiredService<JobRunner>();

    public JobCatalog Catalog => _services.GetRequiredService<JobCatalog>();

    public static async Task<SchedulerNode> StartAsync(IOperationalStore store, StoreOptions options, string dataDirectory, IReadOnlyDictionary<string, string?> settings)
    {
        var node = new SchedulerNode(JobsServices.Standalone(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), store, options, dataDirectory));
        await node.Scheduler.StartAsync(CancellationToken.None);
        node._started = true;
        return node;
    }

    /// <summary>Stops firing and waits for the running jobs, as a server's shutdown does.</summary>
    public async Task StopAsync()
    {
        if (_started)
        {
            _started = false;
            await Scheduler.StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _services.DisposeAsync();
    }
}
