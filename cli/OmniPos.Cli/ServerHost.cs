using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmniPos.Core.Storage;
using OmniPos.Dashboards;
using OmniPos.Ingest;
using OmniPos.Jobs;

namespace OmniPos.Cli;

/// <summary>
/// Runs the HTTP API over the configured operational store, the dashboards and the job scheduler beside it, until Ctrl+C or SIGTERM;
/// then stops taking requests, waits for running jobs to finish and closes the store. Configuration
/// is the standard .NET stack, later sources winning: appsettings.json beside the executable, environment variables
/// (<c>OMNIPOS__Store__Provider</c>), then <c>--Store:Provider=…</c> arguments.
/// </summary>
internal static partial class ServerHost
{
    /// <param name="prepare">Runs on the open store before the server listens.</param>
    /// <param name="listening">Runs once the server listens, with the address it listens on; the server serves on when it answers true, else stops.</param>
    /// <param name="runJobs">Start the scheduler (unless <c>Jobs:Enabled</c> is false) once <paramref name="listening"/> answers true.</param>
    public static async Task RunAsync(ServerSettings settings, Func<IOperationalStore, CancellationToken, Task> prepare,
        Func<Uri, IOperationalStore, CancellationToken, Task<bool>> listening, bool runJobs, CancellationToken cancellationToken)
    {
        // The command line is not handed to the builder: it is added last, so that it wins over the OMNIPOS__ variables.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration
            .AddEnvironmentVariables("OMNIPOS__")
            .AddCommandLine([.. settings.ConfigurationArguments]);
        builder.WebHost.UseUrls(settings.Urls);

        // The store opens before the app is built, so it logs through a factory of its own with the same settings.
        using var loggers = LoggerFactory.Create(logging => logging
            .AddConfiguration(builder.Configuration.GetSection("Logging"))
            .AddConsole());
        var options = builder.Configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        await using var store = await OperationalStore.OpenAsync(options, settings.DataDirectory, TimeProvider.System, loggers, cancellationToken);
        StoreOpened(loggers.CreateLogger(typeof(ServerHost)), options.Provider, settings.DataDirectory);
        await prepare(store, cancellationToken);

        builder.Services.AddSingleton<IOperationalStore>(store).AddIngestApi().AddJobs(options, settings.DataDirectory).AddDashboards(settings.DataDirectory);
        await using var app = builder.Build();
        app.UseIngestApi().UseDashboards();

        await app.StartAsync(cancellationToken);
        if (!await listening(new Uri(app.Urls.First()), store, cancellationToken))
        {
            await app.StopAsync(cancellationToken);
            return;
        }

        var scheduler = runJobs && app.Services.GetRequiredService<IOptions<JobsOptions>>().Value.Enabled ? app.Services.GetRequiredService<JobScheduler>() : null;
        if (scheduler is not null)
        {
            await scheduler.StartAsync(cancellationToken);
        }

        await app.WaitForShutdownAsync(cancellationToken);
        if (scheduler is not null)
        {
            // Requests have stopped; a job running now finishes before the store closes.
            await scheduler.StopAsync(CancellationToken.None);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Operational store open on {Provider}; data directory {DataDirectory}")]
    private static partial void StoreOpened(ILogger logger, string provider, string dataDirectory);
}
