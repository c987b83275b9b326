using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OmniPos.Core.Storage;
using OmniPos.Ingest;

namespace OmniPos.Cli;

/// <summary>
/// Runs the HTTP API over the configured operational store until Ctrl+C. Configuration is the standard .NET stack:
/// appsettings.json, OMNIPOS__Section__Key environment variables, and --Section:Key=value arguments.
/// </summary>
internal static class ServerHost
{
    public static async Task<int> RunAsync(string dataDirectory, string urls, IReadOnlyList<string> configArguments,
        Func<IOperationalStore, CancellationToken, Task> beforeServing, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder([.. configArguments]);
        builder.Configuration.AddEnvironmentVariables("OMNIPOS__");
        builder.WebHost.UseUrls(urls);
        var options = builder.Configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        using var loggers = LoggerFactory.Create(logging => logging.AddConsole());
        await using var store = await OperationalStore.OpenAsync(options, dataDirectory, TimeProvider.System, loggers, cancellationToken);
        await beforeServing(store, cancellationToken);

        builder.Services.AddSingleton(store);
        builder.Services.AddProblemDetails();
        await using var app = builder.Build();
        app.MapIngestApi();
        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
