using System.CommandLine;

namespace OmniPos.Cli;

/// <summary>The options of a command that runs the server; each such command has its own instance.</summary>
/// <param name="defaultUrls">Where the API listens unless <c>--urls</c> says otherwise.</param>
internal sealed class ServerOptions(string defaultUrls = "http://127.0.0.1:5080")
{
    private readonly StoreArguments _store = new();

    private readonly Option<string> _urls = new("--urls")
    {
        Description = "Where the HTTP API listens",
        DefaultValueFactory = _ => defaultUrls,
    };

    public void AddTo(Command command)
    {
        _store.AddTo(command);
        command.Options.Add(_urls);
    }

    public ServerSettings Read(ParseResult parse) =>
        new(_store.DataDirectory(parse), parse.GetValue(_urls)!, StoreArguments.ConfigurationArguments(parse));
}
