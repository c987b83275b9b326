using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Spi;

namespace OmniPos.Jobs;

/// <summary>Makes the job Quartz fires with the server's services.</summary>
internal sealed class ServiceJobFactory(IServiceProvider services) : IJobFactory
{
    public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler) => (IJob)ActivatorUtilities.CreateInstance(services, bundle.JobDetail.JobType);

    public void ReturnJob(IJob job)
    {
    }
}
