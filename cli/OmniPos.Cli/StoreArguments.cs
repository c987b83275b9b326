using System.CommandLine;

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
}
