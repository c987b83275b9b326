using System.CommandLine;
using System.Globalization;
using OmniPos.Core.LossPrevention;
using OmniPos.Ingest.Simulation;
using OmniPos.Jobs;
using OmniPos.Jobs.LossPrevention;
using OmniPos.Models.Evaluation;
using OmniPos.Models.LossPrevention;
using OmniPos.Warehouse;
using Spectre.Console;

namespace OmniPos.Cli;

/// <summary>
/// <c>omnipos fraud scan</c>: what the 15-minute job does, now; <c>omnipos fraud alerts</c>: the loss-prevention queue;
/// <c>omnipos fraud review &lt;id&gt; confirmed|dismissed</c>: an analyst's verdict; <c>omnipos fraud evaluate --truth</c>:
/// the queue scored against a simulator's ground truth.
/// </summary>
internal static class FraudCommand
{
    public static Command Create()
    {
        var fraud = new Command("fraud", "Loss prevention: scan for fraud, list the alert queue, review alerts, score the queue against a simulator's truth");
        fraud.Subcommands.Add(Scan());
        fraud.Subcommands.Add(Alerts());
        fraud.Subcommands.Add(Review());
        fraud.Subcommands.Add(Evaluate());
        return fraud;
    }

    private static Command Scan() => StoreArguments.WithStore(
        new Command("scan", "Run the exception rules and behaviour scoring over the latest landed days and raise the new cases"),
        async (parse, store, dataDirectory, ct) =>
        {
            var scan = new FraudScan(JobsServices.FraudScanSettingsOf(StoreArguments.Configuration(parse)));
            using var warehouse = AnalyticsWarehouse.Open(dataDirectory);
            var report = await scan.RunAsync(warehouse, store, ct);
            if (report is null)
            {
                Console.Error.WriteLine("nothing has landed yet: run omnipos land first");
                return 1;
            }

            var table = new Table().AddColumns("", "").HideHeaders();
            table.AddRow("Days scanned", $"{report.From:yyyy-MM-dd} to {report.Through:yyyy-MM-dd}");
            foreach (var rule in report.Drafts.GroupBy(d => d.Rule).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                table.AddRow($"  {rule.Key}", $"{rule.Count():N0} cases, {rule.Sum(d => d.Exposure):N2} at risk");
            }

            table.AddRow("Raised (new)", $"{report.Kept.Raised.Count:N0}");
            table.AddRow("Updated", $"{report.Kept.Updated:N0}");
            table.AddRow("Labels", $"{report.Labels:N0} (verdicts, and alerts with a payment charged back)");
            table.AddRow("Scored by", report.SupervisedModel ? "the model trained on those labels" : "rule strength and behaviour against peers (too few labels for the model)");
            AnsiConsole.Write(table);
            return 0;
        });

    private static Command Alerts()
    {
        var store = new Option<string?>("--store") { Description = "One store's alerts" };
        var state = new Option<string>("--state") { Description = "open (the default), confirmed, dismissed or all", DefaultValueFactory = _ => "open" };
        state.AcceptOnlyFromAmong("open", "confirmed", "dismissed", "all");
        var limit = new Option<int>("--limit") { Description = "How many to list", DefaultValueFactory = _ => 50 };
        return StoreArguments.WithStore(new Command("alerts", "The loss-prevention queue, highest score first") { store, state, limit },
            async (parse, operationalStore, _, ct) =>
            {
                var alerts = await operationalStore.LossPrevention.ListAsync(parse.GetValue(store), Enum.Parse<FraudAlertState>(parse.GetValue(state)!, ignoreCase: true),
                    parse.GetValue(limit), ct);
                var table = new Table().ShowRowSeparators().AddColumns(
                    new TableColumn("Id").NoWrap(), new TableColumn("Score").NoWrap(), new TableColumn("Rule, store, subject, day").NoWrap(),
                    new TableColumn("At risk").RightAligned().NoWrap(), new TableColumn("Why"));
                foreach (var a in alerts)
                {
                    table.AddRow($"{a.AlertId}", a.Score.ToString("0.00", CultureInfo.InvariantCulture),
                        Markup.Escape($"{a.Rule}\n{a.StoreId}, {a.SubjectKind} {a.Subject}\n{a.BusinessDate:yyyy-MM-dd}"),
                        a.Exposure.ToString("N2", CultureInfo.InvariantCulture), Markup.Escape(string.Join("\n", a.Reasons)));
                }

                AnsiConsole.Write(table);
                return 0;
            });
    }

    private static Command Review()
    {
        var id = new Argument<long>("id") { Description = "The alert's id" };
        var verdict = new Argument<string>("verdict") { Description = "confirmed or dismissed" };
        verdict.AcceptOnlyFromAmong(FraudAlert.Confirmed, FraudAlert.Dismissed);
        var note = new Option<string?>("--note") { Description = "Why" };
        return StoreArguments.WithStore(new Command("review", "Record an analyst's verdict on an alert; verdicts train the supervised score") { id, verdict, note },
            async (parse, store, _, ct) =>
            {
                var reviewed = await store.LossPrevention.ReviewAsync(parse.GetValue(id), parse.GetValue(verdict)!, Environment.UserName, parse.GetValue(note), ct);
                if (reviewed is null)
                {
                    Console.Error.WriteLine($"no fraud alert has id {parse.GetValue(id)}");
                    return 1;
                }

                Console.WriteLine($"alert {reviewed.AlertId} ({reviewed.Rule}, {reviewed.Subject}) {reviewed.Verdict}");
                return 0;
            });
    }

    private static Command Evaluate()
    {
        var truth = new Option<string>("--truth") { Description = "The simulator's ground-truth folder (truth/ in the data directory)", Required = true };
        return StoreArguments.WithStore(new Command("evaluate", "Score every alert in the queue against the fraud a simulation injected") { truth },
            async (parse, store, dataDirectory, ct) =>
            {
                var folder = parse.GetValue(truth)!;
                if (!File.Exists(Path.Combine(folder, GroundTruthWriter.FraudCasesFile)))
                {
                    Console.Error.WriteLine($"{folder} has no {GroundTruthWriter.FraudCasesFile}: give the truth folder of a simulation posted into this store");
                    return 2;
                }

                using var warehouse = AnalyticsWarehouse.Open(dataDirectory);
                AnsiConsole.Write(Table(await FraudTruthScoring.ScoreAsync(store, warehouse, folder, ct)));
                return 0;
            });
    }

    internal static Table Table(FraudDetectionScore score)
    {
        var table = new Table().AddColumns("Scheme", "Cases", "Found", "Recall", "Alerts", "True", "Precision");
        foreach (var t in score.Types.Append(score.Overall))
        {
            table.AddRow(t.Type, $"{t.Cases:N0}", $"{t.Detected:N0}", Share(t.Recall), $"{t.Alerts:N0}", $"{t.TrueAlerts:N0}", Share(t.Precision));
        }

        table.Caption($"false alerts per store per week: {score.FalseAlertsPerStoreWeek.ToString("0.000", CultureInfo.InvariantCulture)}");
        return table;
    }

    private static string Share(double value) => double.IsNaN(value) ? "—" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
