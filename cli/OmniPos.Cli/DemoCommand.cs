using System.CommandLine;
using OmniPos.Cli.Demo;
using OmniPos.Core.Events;
using OmniPos.Jobs;
using OmniPos.Warehouse.History;
using OmniPos.Warehouse;
using Spectre.Console;

namespace OmniPos.Cli;

/// <summary>
/// <c>omnipos demo</c>: a fresh data directory, a simulated year of the chain posted through the API, landed into the
/// warehouse, a summary of it; then the server serves on (with the demo store's register key and a sale to post) until
/// Ctrl+C, or stops after the summary when <c>OMNIPOS_DEMO_NO_SERVE=1</c>.
/// </summary>
internal static class DemoCommand
{
    public const string NoServeVariable = "OMNIPOS_DEMO_NO_SERVE";

    public static Command Create()
    {
        var command = new Command("demo", "Simulate a year of the chain into a fresh data directory, land it, summarize it, then serve the API");
        var server = new ServerOptions();
        var simulation = new SimulationArguments(defaultDays: 365);
        server.AddTo(command);
        simulation.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var settings = server.Read(parse);
            var options = simulation.Read(parse);
            var refusal = DemoData.Refusal(settings.DataDirectory) ?? options.Refusal();
            if (refusal is not null)
            {
                await Console.Error.WriteLineAsync($"omnipos demo: {refusal}");
                return 2;
            }

            DemoData.Renew(settings.DataDirectory);
            var token = "";
            var summarized = false;
            await ServerHost.RunAsync(
                settings,
                async (store, ct) =>
                {
                    await DemoCatalog.SeedAsync(store, ct);
                    token = await DemoCatalog.IssueRegisterKeyAsync(store, ct);
                },
                async (url, store, ct) =>
                {
                    if (await SimulationConsole.RunAsync(options, store, url, settings.DataDirectory, ct) is not { } tally)
                    {
                        return false;
                    }

                    SeriesKey? bestSeller;
                    using (var warehouse = AnalyticsWarehouse.Open(settings.DataDirectory))
                    {
                        await LandCommand.LandShowingProgressAsync(warehouse, store, ct);
                        DemoSummary.Print(warehouse, options, tally);
                        await DemoLossPrevention.RunAsync(warehouse, store, JobsServices.FraudScanSettingsOf(StoreArguments.Configuration(parse)), options,
                            settings.DataDirectory, ct);
                        bestSeller = await DemoPlanning.RunAsync(warehouse, store, JobsServices.ReplenishmentSettingsOf(StoreArguments.Configuration(parse)), ct);
                        DemoPromotions.Run(warehouse, JobsServices.PromotionSettingsOf(StoreArguments.Configuration(parse)), settings.DataDirectory, ct);
                    }

                    summarized = true;
                    var serve = Environment.GetEnvironmentVariable(NoServeVariable) != "1";
                    PrintHowToPost(url, settings.DataDirectory, token, serve, bestSeller);
                    return serve;
                },
                runJobs: true,
                ct);
            return summarized ? 0 : 1;
        });
        return command;
    }

    private static void PrintHowToPost(Uri baseUrl, string dataDirectory, string token, bool serving, SeriesKey? bestSeller)
    {
        var sale = EventJson.Serialize(DemoCatalog.ExampleSale(TimeProvider.System));
        var endpoint = new Uri(baseUrl, "/v1/events");
        var data = Markup.Escape(dataDirectory);
        AnsiConsole.Write(new Panel(new Rows(
                new Markup(serving
                    ? $"The API is listening on [bold]{Markup.Escape(baseUrl.ToString())}[/]; data in [grey]{data}[/]. The dashboards: [bold]{Markup.Escape(new Uri(baseUrl, "/dashboards/").ToString())}[/], signed in with a merchandiser's key ([bold]omnipos keys create --role merchandiser --data {data}[/])."
                    : $"{NoServeVariable}=1: the server stops here; data in [grey]{data}[/]."),
                new Markup($"Ask the warehouse: [bold]omnipos query sell_through --data {data} --level category[/] (omnipos query lists the queries)."),
                new Markup(Markup.Escape(bestSeller is { } key
                    ? $"A forecast with its quantiles and reorder point: omnipos forecast --sku {key.Sku} --store {key.Location} --data {dataDirectory}; suggested orders: omnipos forecast orders --data {dataDirectory}."
                    : "")),
                new Markup($"The loss-prevention queue with reasons: [bold]omnipos fraud alerts --data {data}[/]; a verdict: [bold]omnipos fraud review <id> confirmed --data {data}[/]."),
                new Markup(serving
                    ? $"The store's low-stock inbox: [bold]GET /v1/alerts[/] with a store manager's key ([bold]omnipos keys create --role store-manager --store {DemoCatalog.Store.StoreId} --data {data}[/]); the alerts job sweeps every 15 minutes."
                    : ""),
                new Markup(serving
                    ? $"The scheduler runs too: what you post is landed within 5 minutes; [bold]omnipos jobs history --data {data}[/] shows its runs."
                    : ""),
                new Markup($"Store [bold]{DemoCatalog.Store.StoreId}[/] with register [bold]{DemoCatalog.Register.DeviceId}[/] takes your own posts: the sale printed below has 2 lines, New York sales tax, cash with change."),
                new Markup("Post it again for [bold]200 duplicate[/]; under the same eventId, pay 10.00 more cash with 10.00 more change for [bold]409 conflict[/]."),
                new Markup(serving ? "[bold]Ctrl+C[/] stops the server." : "")))
            .Header("OmniPos demo"));
        // Outside the panel and unstyled, so each command stays on one line and copies whole.
        Console.WriteLine($"export OMNIPOS_KEY={token}");
        Console.WriteLine($"curl -i -X POST {endpoint} -H 'Authorization: Bearer {token}' -H 'Content-Type: application/json' -d '{sale}'");
    }
}
