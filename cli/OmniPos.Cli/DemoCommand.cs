using System.CommandLine;
using OmniPos.Cli.Demo;
using OmniPos.Core.Events;
using Spectre.Console;

namespace OmniPos.Cli;

internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Seed a demo store and run the server, printing a sale to post");
        var options = new ServerOptions();
        options.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            var settings = options.Read(parse);
            var token = "";
            return ServerHost.RunAsync(
                settings,
                async (store, ct) =>
                {
                    await DemoCatalog.SeedAsync(store, ct);
                    token = await DemoCatalog.IssueRegisterKeyAsync(store, ct);
                },
                url => PrintHowToPost(url, settings.DataDirectory, token),
                ct);
        });
        return command;
    }

    private static void PrintHowToPost(Uri baseUrl, string dataDirectory, string token)
    {
        var sale = EventJson.Serialize(DemoCatalog.ExampleSale(TimeProvider.System));
        var endpoint = new Uri(baseUrl, "/v1/events");
        AnsiConsole.Write(new Panel(new Rows(
                new Markup($"Store [bold]{DemoCatalog.Store.StoreId}[/] with register [bold]{DemoCatalog.Register.DeviceId}[/] is listening on [bold]{Markup.Escape(baseUrl.ToString())}[/]; data in [grey]{Markup.Escape(dataDirectory)}[/]."),
                new Markup("From another terminal, post the sale printed below: 2 lines, New York sales tax, cash with change."),
                new Markup("It presents the register's key, new for this run; the export line below sets it for your own posts."),
                new Markup("Post it again for [bold]200 duplicate[/]; under the same eventId, pay 10.00 more cash with 10.00 more change for [bold]409 conflict[/]."),
                new Markup("[bold]Ctrl+C[/] stops the server.")))
            .Header("OmniPos demo"));
        // Outside the panel and unstyled, so each command stays on one line and copies whole.
        Console.WriteLine($"export OMNIPOS_KEY={token}");
        Console.WriteLine($"curl -i -X POST {endpoint} -H 'Authorization: Bearer {token}' -H 'Content-Type: application/json' -d '{sale}'");
    }
}
