using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmniPos.Core.Storage;
using OmniPos.Ingest;
using OmniPos.Jobs.Forecasting;
using OmniPos.Jobs.LossPrevention;
using OmniPos.Jobs.Promotions;
using OmniPos.Jobs.Warehouse;
using OmniPos.Models.LossPrevention;
using OmniPos.Models.Promotions;
using OmniPos.Models.Replenishment;
using OmniPos.Models.Training;
using OmniPos.Jobs.Webhooks;

namespace OmniPos.Jobs;

/// <summary>Registers the scheduler's parts and the platform's jobs; later parts add theirs with <see cref="AddScheduledJob"/>.</summary>
public static class JobsServices
{
    /// <summary>The configuration section of the supply terms planning uses (<see cref="ReplenishmentSettings"/>).</summary>
    public const string ReplenishmentSection = "Replenishment";

    /// <summary>The supply terms the configuration gives, the defaults where it is silent.</summary>
    public static ReplenishmentSettings ReplenishmentSettingsOf(IConfiguration configuration) =>
        configuration.GetSection(ReplenishmentSection).Get<ReplenishmentSettings>() ?? new ReplenishmentSettings();

    /// <summary>The configuration section of the fraud scan's thresholds and windows (<see cref="FraudScanSettings"/>).</summary>
    public const string LossPreventionSection = "LossPrevention";

    /// <summary>The fraud scan's settings the configuration gives, the defaults where it is silent; settings that cannot work are refused, each named.</summary>
    public static FraudScanSettings FraudScanSettingsOf(IConfiguration configuration)
    {
        var settings = configuration.GetSection(LossPreventionSection).Get<FraudScanSettings>() ?? new FraudScanSettings();
        return settings.Problems() is [_, ..] problems
            ? throw new InvalidOperationException($"{LossPreventionSection} settings: {string.Join("; ", problems)}")
            : settings;
    }

    /// <summary>The configuration section of promotion analysis (<see cref="PromotionSettings"/>: the dip, the intervals, the complements).</summary>
    public const string PromotionsSection = "Promotions";

    /// <summary>Promotion analysis' settings the configuration gives, the defaults where it is silent; settings that cannot work are refused.</summary>
    public static PromotionSettings PromotionSettingsOf(IConfiguration configuration)
    {
        var settings = configuration.GetSection(PromotionsSection).Get<PromotionSettings>() ?? new PromotionSettings();
        return settings.Problems() is [_, ..] problems
            ? throw new InvalidOperationException($"{PromotionsSection} settings: {string.Join("; ", problems)}")
            : settings;
    }

    /// <summary>The jobs and what runs them, over the store <paramref name="store"/> names (the ingest services supply the webhook dispatcher).</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, StoreOptions store, string dataDirectory)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section);
        services.AddSingleton<IValidateOptions<JobsOptions>, ValidateJobsOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(JobStoreDatabase.For(store, dataDirectory));
        services.AddSingleton(new DataFolder(dataDirectory));
        services.AddSingleton<WarehouseSessions>();
        services.AddSingleton<JobHistory>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<JobCatalog>();
        services.AddSingleton<JobScheduler>();
        services.AddSingleton(provider => ReplenishmentSettingsOf(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton(provider => new FraudScan(FraudScanSettingsOf(provider.GetRequiredService<IConfiguration>())));
        services.AddSingleton(provider => new PromotionAnalysis(PromotionSettingsOf(provider.GetRequiredService<IConfiguration>()), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new DemandTraining(provider.GetRequiredService<ReplenishmentSettings>(), provider.GetRequiredService<TimeProvider>()));
        return services
            .AddScheduledJob(JobDefinition.For<LandingJob>(LandingJob.Name,
                "Land what the store accepted since the last landing into the Parquet lake and warehouse.duckdb", "0 0/5 * * * ?", MartsRefreshJob.Name))
            .AddScheduledJob(JobDefinition.For<MartsRefreshJob>(MartsRefreshJob.Name,
                "Redo the weekly sell-through marts of what landing changed (runs after each landing)", null))
            .AddScheduledJob(JobDefinition.For<LakeCompactionJob>(LakeCompactionJob.Name,
                "Merge the lake's small part files per table and business date", "0 30 2 * * ?"))
            .AddScheduledJob(JobDefinition.For<WebhookDeliveryJob>(WebhookDeliveryJob.Name,
                "Publish accepted events to the webhook outbox and post the deliveries that are due", "0 * * * * ?"))
            .AddScheduledJob(JobDefinition.For<DemandTrainingJob>(DemandTrainingJob.Name,
                "Forecast every SKU and location 28 days ahead from the warehouse and set their reorder points", "0 0 1 * * ?", StockAlertsJob.Name))
            .AddScheduledJob(JobDefinition.For<StockAlertsJob>(StockAlertsJob.Name,
                "Raise low-stock alerts where stock fell below the reorder point, resolve those that recovered", "0 0/15 * * * ?"))
            .AddScheduledJob(JobDefinition.For<FraudScanJob>(FraudScanJob.Name,
                "Scan the latest landed days for fraud: new cases join the loss-prevention queue and reach webhook subscribers", "0 5/15 * * * ?"))
            .AddScheduledJob(JobDefinition.For<PromotionAnalysisJob>(PromotionAnalysisJob.Name,
                "Measure every promotion in the landed sales against the demand model's counterfactual and rank them by incremental margin", "0 30 4 * * ?"))
            .AddScheduledJob(JobDefinition.For<HousekeepingJob>(HousekeepingJob.Name,
                "Remove settled webhook deliveries and job runs past their keeping time", "0 15 3 * * ?"));
    }

    /// <summary>
    /// The services a server gives its jobs, without the server: for a command that runs jobs itself, a benchmark or a
    /// test. <paramref name="logging"/> adds where logs go (none by default).
    /// </summary>
    public static ServiceProvider Standalone(IConfiguration configuration, IOperationalStore store, StoreOptions options, string dataDirectory,
        Action<ILoggingBuilder>? logging = null) => new ServiceCollection()
        .AddSingleton(configuration)
        .AddLogging(builder => logging?.Invoke(builder))
        .AddSingleton(store)
        .AddIngestApi()
        .AddJobs(options, dataDirectory)
        .BuildServiceProvider();

    /// <summary>Adds a job; its work is made for each run with the server's services.</summary>
    public static IServiceCollection AddScheduledJob(this IServiceCollection services, JobDefinition job) => services.AddSingleton(job);

    private sealed class ValidateJobsOptions : IValidateOptions<JobsOptions>
    {
        public ValidateOptionsResult Validate(string? name, JobsOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
