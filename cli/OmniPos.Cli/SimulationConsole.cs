using System.Diagnostics;
using OmniPos.Core.Storage;
using OmniPos.Ingest.Simulation;
using Spectre.Console;

namespace OmniPos.Cli;

/// <summary>Runs a simulation against the API at an address with a progress bar, and prints what it produced.</summary>
internal static class SimulationConsole
{
    /// <returns>What the simulation produced; null when the API refused something, which is printed instead.</returns>
    public static async Task<SimulationTally?> RunAsync(SimulationOptions options, IOperationalStore store, Uri api, string dataDirectory, CancellationToken cancellationToken)
    {
        var world = RetailWorld.Create(options);
        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromMinutes(5) };
        var started = Stopwatch.GetTimestamp();
        SimulationTally tally = null!;
        try
        {
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask($"Simulating {options.Days} days of {options.Stores} shops, {options.Skus:N0} SKUs (seed {options.Seed})", maxValue: options.Days);
                    tally = await SimulationRun.RunAsync(world, store, http, dataDirectory, p =>
                    {
                        task.Value = p.DaysPosted;
                        task.Description = $"Simulated and posted {p.DaysPosted}/{p.Days} days, {p.EventsPosted:N0} events";
                    }, cancellationToken);
                });
        }
        catch (SimulationRefusedException refused)
        {
            await Console.Error.WriteLineAsync($"The simulation stopped: {refused.Message}");
            return null;
        }

        var table = new Table().AddColumns("Simulated", "").HideHeaders().Title("Simulation");
        table.AddRow("Period", $"{options.FirstDay:yyyy-MM-dd} to {options.LastDay:yyyy-MM-dd} ({options.Days} days)");
        table.AddRow("Stores", $"{options.Stores} shops in 2 time zones and tax jurisdictions, a web storefront, a marketplace");
        table.AddRow("Catalog and members", $"{world.Products.Count:N0} SKUs, {world.Customers.Count:N0} loyalty members, {world.Promotions.Count} promotions");
        table.AddRow("Events posted", $"{tally.Events:N0}");
        table.AddRow("Sales, returns", $"{tally.Sales:N0} sales of {tally.UnitsSold:N0} units, {tally.Returns:N0} returns");
        table.AddRow("Revenue (with tax)", $"{tally.Revenue:N2} USD");
        table.AddRow("SKU-days with lost sales", $"{tally.Stockouts:N0}");
        table.AddRow("Settlements, chargebacks", $"{tally.Settlements:N0}, {tally.Chargebacks:N0}");
        table.AddRow("Fraud cases injected", $"{tally.FraudCases:N0}");
        table.AddRow("Offline register queues", $"{tally.OfflineBatches:N0}");
        table.AddRow("Ground truth", Markup.Escape(Path.Combine(dataDirectory, SimulationRun.TruthFolder)));
        table.AddRow("Time", $"{Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s");
        AnsiConsole.Write(table);
        return tally;
    }
}
