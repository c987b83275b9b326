using System.CommandLine;

namespace OmniPos.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the HTTP API that registers and storefronts post to")
        {
            ServerOptions.Data,
            ServerOptions.Urls,
        };
        command.TreatUnmatchedTokensAsErrors = false; // --Section:Key=value configuration overrides pass through
        command.SetAction((parse, ct) => ServerHost.RunAsync(
            ServerOptions.DataDirectory(parse), parse.GetValue(ServerOptions.Urls)!, parse.UnmatchedTokens, (_, _) => Task.CompletedTask, ct));
        return command;
    }
}
