using System.CommandLine;
using OmniPos.Ingest.Importing;
using Spectre.Console;

namespace OmniPos.Cli;

/// <summary><c>omnipos import &lt;kind&gt; &lt;file&gt;</c>: a CSV file (plain or gzip) into the operational store, with progress and a summary.</summary>
internal static class ImportCommand
{
    private const int ShownRefusals = 20;

    public static Command Create()
    {
        var kind = new Argument<string>("kind") { Description = $"One of {string.Join(", ", ImportRunner.Kinds)}" };
        kind.AcceptOnlyFromAmong([.. ImportRunner.Kinds]);
        var file = new Argument<FileInfo>("file") { Description = "The CSV file, plain or gzip-compressed" };
        var again = new Option<bool>("--again") { Description = "Import a file that was imported before once more (it adds nothing; the summary shows it)" };
        var command = new Command("import", "Import storefront orders, processor settlements or chargebacks, or the UCI Online Retail data set") { kind, file, again };
        return StoreArguments.WithStore(command, async (parse, store, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                AnsiConsole.MarkupLine($"[red]There is no file {Markup.Escape(path.FullName)}.[/]");
                return 2;
            }

            var bytes = await File.ReadAllBytesAsync(path.FullName, ct);
            ImportResult result = null!;
            await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask($"Importing {Markup.Escape(path.Name)}", maxValue: 1);
                result = await ImportRunner.RunAsync(store, parse.GetValue(kind)!, bytes, parse.GetValue(again),
                    p => task.Value(p.Units == 0 ? 1 : (double)p.UnitsDone / p.Units), TimeProvider.System, ct);
                task.Value(1);
            });
            if (result.Report is not { } report)
            {
                AnsiConsole.MarkupLine($"[red]Not imported:[/] {Markup.Escape(result.Error!.Field)} {Markup.Escape(result.Error.Message)}");
                return 2;
            }

            Summarize(report);
            return 0;
        });
    }

    private static void Summarize(ImportReport report)
    {
        if (report.AlreadyImported)
        {
            AnsiConsole.MarkupLine("This file was imported before; nothing was done. Its import counted (use --again to import it once more):");
        }

        var counts = new Table().AddColumns("", "Count").HideHeaders();
        counts.AddRow("Rows", $"{report.Rows:N0}");
        counts.AddRow("Groups (invoices, orders, records)", $"{report.Groups:N0}");
        foreach (var (type, count) in report.Recorded)
        {
            counts.AddRow($"Recorded: {type}", $"{count:N0}");
        }

        counts.AddRow("Already recorded (duplicates)", $"{report.Duplicates:N0}");
        counts.AddRow("Rows recorded", $"{report.RowsRecorded:N0}");
        counts.AddRow("Rows refused", $"{report.RowsRefused:N0}");
        foreach (var (reason, count) in report.RefusedByReason)
        {
            counts.AddRow($"  refused: {Markup.Escape(reason)}", $"{count:N0}");
        }

        AnsiConsole.Write(counts);
        if (report.Refusals.Count > 0)
        {
            var refusals = new Table().AddColumns("Line", "Field", "Rule", "Why");
            foreach (var refusal in report.Refusals.Take(ShownRefusals))
            {
                refusals.AddRow($"{refusal.Line}", Markup.Escape(refusal.Field), Markup.Escape(refusal.Rule), Markup.Escape(refusal.Message));
            }

            AnsiConsole.MarkupLine($"The first {Math.Min(ShownRefusals, report.Refusals.Count)} refused rows:");
            AnsiConsole.Write(refusals);
        }
    }
}
