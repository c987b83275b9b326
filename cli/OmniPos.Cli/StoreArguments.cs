using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OmniPos.Core.Storage;

namespace OmniPos.Cli;

/// <summary>What any command that opens the operational store takes: the data directory and configuration arguments.</summary>
internal sealed class StoreArguments
{
    private readonly Option<string?> _data = new("--data")
    {
        Description = "Data directory (ops.db, lake, exports); default $OMNIPOS_DATA or ./data",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_data);
        // The tokens no option claims are configuration: --Store:Provider=postgres.
        command.TreatUnmatchedTokensAsErrors = false;
    }

    public string DataDirectory(ParseResult parse) =>
        Path.GetFullPath(parse.GetValue(_data) ?? Environment.GetEnvironmentVariable("OMNIPOS_DATA") ?? "data");

    public static IReadOnlyList<string> ConfigurationArguments(ParseResult parse) => parse.UnmatchedTokens;

    /// <summary>Adds the store's arguments to the command and runs the action on the store they name, as the server would open it.</summary>
    public static Command WithStore(Command command, Func<ParseResult, IOperationalStore, CancellationToken, Task<int>> action) =>
        WithStore(command, (parse, store, _, ct) => action(parse, store, ct));

    /// <summary>As above, the action also given the data directory (for the warehouse and lake beside the store).</summary>
    public static Command WithStore(Command command, Func<ParseResult, IOperationalStore, string, CancellationToken, Task<int>> action)
    {
        var arguments = new StoreArguments();
        arguments.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var configuration = Configuration(parse);
            using var loggers = LoggerFactory.Create(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddConsole());
            await using var store = await OperationalStore.OpenAsync(StoreOptionsOf(configuration), arguments.DataDirectory(parse), TimeProvider.System, loggers, ct);
            return await action(parse, store, arguments.DataDirectory(parse), ct);
        });
        return command;
    }

    /// <summary>The configuration the server would run with: appsettings.json, then <c>OMNIPOS__</c> variables, then the command's <c>--Section:Key=value</c>.</summary>
    public static IConfigurationRoot Configuration(ParseResult parse) => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables("OMNIPOS__")
        .AddCommandLine([.. ConfigurationArguments(parse)])
        .Build();

    public static StoreOptions StoreOptionsOf(IConfiguration configuration) =>
        configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
}
