using System.CommandLine;

namespace OmniPos.Cli;

/// <summary>
/// <c>omnipos simulate</c>: a simulated chain posted through the real ingest API (served in this process on a loopback
/// port, over the configured store), its ground truth written to <c>truth/</c> in the data directory.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var command = new Command("simulate", "Simulate a retail chain and post its events through the ingest API, writing the ground truth beside the data");
        var server = new ServerOptions("http://127.0.0.1:0");
        var simulation = new SimulationArguments(defaultDays: 365);
        server.AddTo(command);
        simulation.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var settings = server.Read(parse);
            var options = simulation.Read(parse);
            if (options.Refusal() is { } refusal)
            {
                await Console.Error.WriteLineAsync($"omnipos simulate: {refusal}");
                return 2;
            }

            var posted = false;
            await ServerHost.RunAsync(settings, static (_, _) => Task.CompletedTask, async (url, store, token) =>
            {
                posted = await SimulationConsole.RunAsync(options, store, url, settings.DataDirectory, token) is not null;
                return false;
            }, runJobs: false, ct);
            return posted ? 0 : 1;
        });
        return command;
    }
}
