using System.CommandLine;

namespace OmniPos.Cli;

/// <summary>The options of a command that runs the server; each such command has its own instance.</summary>
internal sealed class ServerOptions
{
    private readonly Option<string?> _data = new("--data")
    {
        Description = "Data directory (ops.db, lake, exports); default $OMNIPOS_DATA or ./data",
    };

    private readonly Option<string> _urls = new("--urls")
    {
        Description = "Where the HTTP API listens",
        DefaultValueFactory = _ => "http://127.0.0.1:5080",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_data);
        command.Options.Add(_urls);
        // The tokens no option claims are configuration: --Store:Provider=postgres.
        command.TreatUnmatchedTokensAsErrors = false;
    }

    public ServerSettings Read(ParseResult parse) => new(
        Path.GetFullPath(parse.GetValue(_data) ?? Environment.GetEnvironmentVariable("OMNIPOS_DATA") ?? "data"),
        parse.GetValue(_urls)!,
        parse.UnmatchedTokens);
}
