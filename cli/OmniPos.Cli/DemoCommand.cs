using System.CommandLine;
using OmniPos.Cli.Demo;
using OmniPos.Core.Events;
using Spectre.Console;

namespace OmniPos.Cli;

internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Seed a demo store and run the server, printing a sale to post")
        {
            ServerOptions.Data,
            ServerOptions.Urls,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) =>
        {
            var urls = parse.GetValue(ServerOptions.Urls)!;
            return ServerHost.RunAsync(ServerOptions.DataDirectory(parse), urls, parse.UnmatchedTokens, async (store, token) =>
            {
                await DemoCatalog.SeedAsync(store, token);
                PrintHowToPost(urls.Split(';')[0].TrimEnd('/'), ServerOptions.DataDirectory(parse));
            }, ct);
        });
        return command;
    }

    private static void PrintHowToPost(string baseUrl, string dataDirectory)
    {
        var sale = EventJson.Serialize(DemoCatalog.ExampleSale(TimeProvider.System));
        AnsiConsole.Write(new Panel(new Rows(
                new Markup($"Store [bold]{DemoCatalog.StoreId}[/] with register [bold]{DemoCatalog.RegisterId}[/] is ready; data in [grey]{Markup.Escape(dataDirectory)}[/]."),
                new Markup("Post the sale below (2 lines, New York sales tax, cash with change) from another terminal."),
                new Markup("Post it again for [bold]duplicate[/]; change the transactionId under the same eventId for [bold]409[/]. Ctrl+C stops the server.")))
            .Header($"OmniPos demo at {baseUrl}"));
        // Plain output, one line, so the command can be copied whole.
        Console.WriteLine($"curl -i -X POST {baseUrl}/v1/events -H 'Content-Type: application/json' -d '{sale}'");
    }
}
