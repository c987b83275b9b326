using System.CommandLine;
using OmniPos.Core.Storage;
using OmniPos.Warehouse;
using OmniPos.Warehouse.Lake;
using Spectre.Console;

namespace OmniPos.Cli;

/// <summary><c>omnipos land</c>: everything the store accepted since the last landing into the Parquet lake and warehouse.duckdb.</summary>
internal static class LandCommand
{
    public static Command Create()
    {
        var check = new Option<bool>("--check") { Description = "Then count and sum the sale and return lines in the store and in the lake, and exit 1 if they differ" };
        var command = new Command("land", "Land the events, settlements and chargebacks accepted since the last landing into the lake and the warehouse") { check };
        return StoreArguments.WithStore(command, async (parse, store, dataDirectory, ct) =>
        {
            using (var warehouse = AnalyticsWarehouse.Open(dataDirectory))
            {
                await LandShowingProgressAsync(warehouse, store, ct);
            }

            return parse.GetValue(check) ? await CheckAsync(store, dataDirectory, ct) : 0;
        });
    }

    private static async Task<int> CheckAsync(IOperationalStore store, string dataDirectory, CancellationToken cancellationToken)
    {
        var (inStore, inLake) = await LakeReconciliation.ReconcileAsync(store, dataDirectory, cancellationToken);
        var table = new Table().AddColumns("", "Store", "Lake");
        table.AddRow("Sale lines", $"{inStore.SaleLines:N0}", $"{inLake.SaleLines:N0}");
        table.AddRow("Units sold", $"{inStore.UnitsSold:N0}", $"{inLake.UnitsSold:N0}");
        table.AddRow("Gross", $"{inStore.Gross:N2}", $"{inLake.Gross:N2}");
        table.AddRow("Return lines", $"{inStore.ReturnLines:N0}", $"{inLake.ReturnLines:N0}");
        table.AddRow("Units returned", $"{inStore.UnitsReturned:N0}", $"{inLake.UnitsReturned:N0}");
        table.AddRow("Refunded", $"{inStore.Refunded:N2}", $"{inLake.Refunded:N2}");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(inStore == inLake ? "[green]The lake holds every line the store accepted, once.[/]" : "[red]The lake and the store differ.[/]");
        return inStore == inLake ? 0 : 1;
    }

    /// <summary>Lands with a status line naming each run as it commits, then prints the landing's summary.</summary>
    public static async Task<LandingReport> LandShowingProgressAsync(AnalyticsWarehouse warehouse, IOperationalStore store, CancellationToken cancellationToken)
    {
        LandingReport report = null!;
        await AnsiConsole.Status().StartAsync("Landing…", async status =>
        {
            report = await warehouse.LandAsync(store, progress: p =>
            {
                if (p.Step == LandingStep.Committed)
                {
                    status.Status($"Landed {p.Feed} {p.FirstSeq:N0}..{p.LastSeq:N0} ({p.Records:N0} records, {p.Rows:N0} rows)");
                }
            }, cancellationToken: cancellationToken);
        });
        Summarize(report, warehouse.LakePath);
        return report;
    }

    private static void Summarize(LandingReport report, string lakePath)
    {
        var table = new Table().AddColumns("", "").HideHeaders();
        table.AddRow("Events landed", $"{report.Events:N0}");
        table.AddRow("Settlements and chargebacks landed", $"{report.ProcessorRecords:N0}");
        table.AddRow("Fact rows", $"{report.Rows:N0}");
        table.AddRow("Parquet files written", $"{report.Files:N0}");
        table.AddRow("Leftovers of an interrupted landing removed", $"{report.RemovedLeftovers.Count:N0}");
        table.AddRow("Watermarks (events, settlements, chargebacks)", $"{report.EventWatermark}, {report.SettlementWatermark}, {report.ChargebackWatermark}");
        table.AddRow("Time", $"{report.Elapsed.TotalSeconds:N1} s");
        table.AddRow("Lake", Markup.Escape(lakePath));
        AnsiConsole.Write(table);
    }
}
