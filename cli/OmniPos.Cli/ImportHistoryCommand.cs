using System.CommandLine;
using OmniPos.Warehouse;
using OmniPos.Warehouse.History;
using Spectre.Console;

namespace OmniPos.Cli;

/// <summary><c>omnipos import-history</c>: years of daily sales from a previous system into the warehouse, for forecasting.</summary>
internal static class ImportHistoryCommand
{
    public static Command Create()
    {
        var m5 = new Option<DirectoryInfo?>("--m5") { Description = "A folder in the M5 layout (calendar.csv, sales_train….csv, sell_prices….csv; gzipped or not)" };
        var csv = new Option<FileInfo?>("--csv") { Description = "A long CSV: sku,location,date,units,price,promoted[,in_stock,department,category,region]" };
        var data = new Option<string?>("--data") { Description = "Data directory (the warehouse is its warehouse.duckdb); default $OMNIPOS_DATA or ./data" };
        var command = new Command("import-history", "Import daily sales history (replacing the days it gives of the same series); one of --m5, --csv") { m5, csv, data };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(m5) is null) == (result.GetValue(csv) is null))
            {
                result.AddError("give one of --m5 <folder> or --csv <file>");
            }
        });
        command.SetAction((parse, ct) =>
        {
            var dataDirectory = Path.GetFullPath(parse.GetValue(data) ?? Environment.GetEnvironmentVariable("OMNIPOS_DATA") ?? "data");
            using var warehouse = AnalyticsWarehouse.Open(dataDirectory);
            try
            {
                var report = parse.GetValue(m5) is { } folder
                    ? warehouse.ImportM5History(folder.FullName, ct)
                    : warehouse.ImportHistoryCsv(parse.GetValue(csv)!.FullName, ct);
                AnsiConsole.MarkupLine(Markup.Escape($"Imported {report.Source}: {report.Days:N0} days of sales of {report.Series:N0} series, {report.First:yyyy-MM-dd} to {report.Last:yyyy-MM-dd}."));
                return Task.FromResult(0);
            }
            catch (HistoryImportException error)
            {
                Console.Error.WriteLine(error.Message);
                return Task.FromResult(1);
            }
        });
        return command;
    }
}
