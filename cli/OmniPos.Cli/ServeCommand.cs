using System.CommandLine;

namespace OmniPos.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the HTTP API that registers and storefronts post to, and the scheduled jobs");
        var options = new ServerOptions();
        options.AddTo(command);
        command.SetAction((parse, ct) => ServerHost.RunAsync(
            options.Read(parse), static (_, _) => Task.CompletedTask, static (_, _, _) => Task.FromResult(true), runJobs: true, ct));
        return command;
    }
}
