using System.CommandLine;
using System.Globalization;
using OmniPos.Warehouse;
using OmniPos.Warehouse.Queries;
using OmniPos.Warehouse.Queries.Rows;
using Spectre.Console;

namespace OmniPos.Cli;

/// <summary><c>omnipos query &lt;name&gt;</c>: one analytic query over the warehouse, as a table, CSV or JSON.</summary>
internal static class QueryCommand
{
    public static Command Create()
    {
        var name = new Argument<string?>("name") { Description = "The query; without one, the list of queries", Arity = ArgumentArity.ZeroOrOne };
        var from = new Option<DateOnly?>("--from") { Description = "First business day (inclusive); default 30 days before --through" };
        var through = new Option<DateOnly?>("--through") { Description = "Last business day (inclusive); default today (UTC)" };
        var stores = new Option<string[]>("--stores") { Description = "Store ids (or stock locations) to keep, by spaces or commas", AllowMultipleArgumentsPerToken = true };
        var channels = new Option<string[]>("--channels") { Description = "Channels to keep: store, web, marketplace", AllowMultipleArgumentsPerToken = true };
        var categories = new Option<string[]>("--categories") { Description = "Top-level categories to keep", AllowMultipleArgumentsPerToken = true };
        var asOf = new Option<DateOnly?>("--as-of") { Description = "The day stock queries look at; default --through" };
        var variant = new Option<SellThroughVariant>("--variant") { Description = "sell_through's formula: period, received or onhand", DefaultValueFactory = _ => SellThroughVariant.Period };
        var level = new Option<SellThroughLevel>("--level") { Description = "sell_through per sku, category or store", DefaultValueFactory = _ => SellThroughLevel.Sku };
        var format = new Option<string>("--format") { Description = "table, csv or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var data = new Option<string?>("--data") { Description = "Data directory; default $OMNIPOS_DATA or ./data" };
        var command = new Command("query", "Run an analytic query of the warehouse (omnipos query lists them)")
        {
            name, from, through, stores, channels, categories, asOf, variant, level, format, data,
        };
        command.SetAction((parse, ct) =>
        {
            if (parse.GetValue(name) is not { } queryName)
            {
                List();
                return Task.FromResult(0);
            }

            if (AnalyticQueries.Find(queryName) is not { } query)
            {
                Console.Error.WriteLine($"There is no query '{queryName}'. Run `omnipos query` for the list.");
                return Task.FromResult(2);
            }

            var last = parse.GetValue(through) ?? DateOnly.FromDateTime(DateTime.UtcNow);
            var first = parse.GetValue(from) ?? last.AddDays(-30);
            if (first > last)
            {
                Console.Error.WriteLine($"--from ({first:yyyy-MM-dd}) is after --through ({last:yyyy-MM-dd}).");
                return Task.FromResult(2);
            }

            var filter = new QueryFilter(first, last, Items(parse.GetValue(stores)), Items(parse.GetValue(channels)), Items(parse.GetValue(categories)),
                parse.GetValue(asOf), parse.GetValue(variant), parse.GetValue(level));
            var directory = Path.GetFullPath(parse.GetValue(data) ?? Environment.GetEnvironmentVariable("OMNIPOS_DATA") ?? "data");
            using var warehouse = AnalyticsWarehouse.Open(directory);
            var output = QueryOutput.Of(query, warehouse.Query(query, filter, ct));
            switch (parse.GetValue(format))
            {
                case "csv":
                    output.WriteCsv(Console.Out);
                    break;
                case "json":
                    output.WriteJson(Console.OpenStandardOutput());
                    break;
                default:
                    output.WriteTable();
                    break;
            }

            return Task.FromResult(0);
        });
        return command;
    }

    private static void List()
    {
        var table = new Table().AddColumns("Query", "What it answers");
        foreach (var query in AnalyticQueries.All)
        {
            table.AddRow(query.Name, Markup.Escape(query.Summary));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("Every query takes --from, --through, --stores, --channels, --categories (and --as-of for stock); --format table|csv|json.");
    }

    /// <summary>The values of a list option, each of which may itself be a comma-separated list.</summary>
    private static string[]? Items(string[]? values) =>
        values?.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
}
