using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OmniPos.Core.Storage;

namespace OmniPos.Cli;

/// <summary>What the commands that manage the operational store directly (<c>keys</c>, <c>webhooks</c>) share.</summary>
internal static class StoreCommand
{
    /// <summary>Adds the store's arguments to the command and runs the action on the store they name, as the server would open it.</summary>
    public static Command WithStore(Command command, Func<ParseResult, IOperationalStore, CancellationToken, Task<int>> action)
    {
        var arguments = new StoreArguments();
        arguments.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var configuration = new ConfigurationBuilder()
                .SetBasePath(AppContext.BaseDirectory)
                .AddJsonFile("appsettings.json", optional: true)
                .AddEnvironmentVariables("OMNIPOS__")
                .AddCommandLine([.. StoreArguments.ConfigurationArguments(parse)])
                .Build();
            using var loggers = LoggerFactory.Create(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddConsole());
            var options = configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
            await using var store = await OperationalStore.OpenAsync(options, arguments.DataDirectory(parse), TimeProvider.System, loggers, ct);
            return await action(parse, store, ct);
        });
        return command;
    }
}
