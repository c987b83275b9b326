using System.CommandLine;

namespace OmniPos.Cli;

/// <summary>The options every command that runs the server takes.</summary>
internal static class ServerOptions
{
    public static Option<string?> Data { get; } = new("--data")
    {
        Description = "Data directory (ops.db, lake, exports); default $OMNIPOS_DATA or ./data",
    };

    public static Option<string> Urls { get; } = new("--urls")
    {
        Description = "Where the HTTP API listens",
        DefaultValueFactory = _ => "http://127.0.0.1:5080",
    };

    public static string DataDirectory(ParseResult parse) =>
        Path.GetFullPath(parse.GetValue(Data) ?? Environment.GetEnvironmentVariable("OMNIPOS_DATA") ?? "data");
}
