using System.Security.Cryptography;
using System.Text.Json;
using OmniPos.Core.Events;
using OmniPos.Core.Importing;
using OmniPos.Core.Storage;
using OmniPos.Core.Validation;

namespace OmniPos.Ingest.Importing;

/// <summary>
/// Imports a CSV file of one kind into the operational store. The run is recorded under the kind and the file's SHA-256:
/// after every <see cref="ImportSettings.UnitsPerCheckpoint"/> units it notes how far it got, so a run that was interrupted
/// continues after its last committed unit, and a finished one is answered as already imported. Units are recorded
/// idempotently (events under ids derived from the file, records under their natural keys), so even importing the
/// file again on purpose adds nothing.
/// </summary>
public static class ImportRunner
{
    /// <summary>How many refusals a report lists (it counts them all).</summary>
    public const int ListedRefusals = 100;

    /// <summary>The kinds of file, as <c>omnipos import</c> and <c>POST /v1/imports?kind=</c> name them.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["uci", "orders", "settlements", "chargebacks"];

    /// <param name="again">Import a file that was imported before once more (it adds nothing, and the report says so).</param>
    /// <param name="progress">Told after every checkpoint.</param>
    public static Task<ImportResult> RunAsync(IOperationalStore store, string kind, byte[] file, bool again, Action<ImportProgress>? progress,
        TimeProvider clock, CancellationToken cancellationToken) =>
        RunAsync(store, kind, file, new ImportSettings(again, _ => null), progress, clock, cancellationToken);

    internal static Task<ImportResult> RunAsync(IOperationalStore store, string kind, byte[] file, ImportSettings settings, Action<ImportProgress>? progress,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var run = new Run(store, kind, file, settings, progress, clock);
        return kind switch
        {
            "uci" => run.RunAsync(new UciImporter(settings.Scope), cancellationToken),
            "orders" => run.RunAsync(new OrderImporter(settings.Scope), cancellationToken),
            "settlements" => run.RunAsync(new SettlementImporter(), cancellationToken),
            "chargebacks" => run.RunAsync(new ChargebackImporter(), cancellationToken),
            _ => Task.FromResult(ImportResult.Failed("kind", $"must be one of {string.Join(", ", Kinds)}")),
        };
    }

    private sealed class Run(IOperationalStore store, string kind, byte[] file, ImportSettings settings, Action<ImportProgress>? progress, TimeProvider clock)
    {
        private readonly string _importId = $"{kind}-{Convert.ToHexStringLower(SHA256.HashData(file))}";

        public async Task<ImportResult> RunAsync<T>(Importer<T> importer, CancellationToken ct)
        {
            var earlier = await store.Importing.FindRunAsync(_importId, ct);
            if (earlier is { FinishedAt: not null } && !settings.Again)
            {
                return ImportResult.Done(ReadReport(earlier) with { AlreadyImported = true });
            }

            using var rows = CsvReader.Read(file).GetEnumerator();
            if (!rows.MoveNext() || !rows.Current.Fields.Select(f => f.Trim()).SequenceEqual(importer.Header, StringComparer.OrdinalIgnoreCase))
            {
                return ImportResult.Failed("header", $"the first row must name the columns {string.Join(",", importer.Header)}");
            }

            var withCardNumbers = new List<RowRefusal>();
            var plan = importer.Plan(WithoutCardNumbers(rows, withCardNumbers));
            plan = plan with { Rows = plan.Rows + withCardNumbers.Count, Refusals = [.. plan.Refusals, .. withCardNumbers] };
            var resumed = earlier is { FinishedAt: null };
            var tally = resumed ? new ImportTally(ReadReport(earlier!)) : ImportTally.Start(_importId, kind, plan);
            var started = resumed ? earlier!.StartedAt : clock.GetUtcNow();
            await importer.PrepareAsync(store, plan, ct);
            while (tally.UnitsDone < plan.Units.Count)
            {
                ct.ThrowIfCancellationRequested();
                var chunk = plan.Units.Skip(tally.UnitsDone).Take(settings.UnitsPerCheckpoint).ToList();
                var outcomes = await importer.RecordAsync(store, [.. chunk.Select(u => u.Item)], ct);
                for (var i = 0; i < chunk.Count; i++)
                {
                    tally.Count(chunk[i], outcomes[i]);
                }

                await SaveAsync(tally.Report(finished: false), started, null, ct);
                progress?.Invoke(new ImportProgress(tally.UnitsDone, plan.Units.Count));
            }

            var report = tally.Report(finished: true);
            await SaveAsync(report, started, clock.GetUtcNow(), ct);
            return ImportResult.Done(report);
        }

        private Task SaveAsync(ImportReport report, DateTimeOffset started, DateTimeOffset? finished, CancellationToken ct) =>
            store.Importing.SaveRunAsync(new ImportRun(_importId, kind, report.UnitsDone, JsonSerializer.Serialize(report, ReportJson), started, finished), ct);

        private static ImportReport ReadReport(ImportRun run) => JsonSerializer.Deserialize<ImportReport>(run.Report, ReportJson)!;

        /// <summary>The rows after the header, less those holding a card number, which are refused unread: no field of them is parsed, stored or quoted.</summary>
        private static IEnumerable<CsvRow> WithoutCardNumbers(IEnumerator<CsvRow> rows, List<RowRefusal> refused)
        {
            while (rows.MoveNext())
            {
                if (CardNumberScanner.ContainsCardNumber(rows.Current.Text))
                {
                    refused.Add(new RowRefusal(rows.Current.Line, "$", Rules.CardNumber,
                        "looks like a full card number; files carry only the processor token, brand, last four digits and auth code"));
                }
                else
                {
                    yield return rows.Current;
                }
            }
        }
    }

    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web);
}

/// <summary>How a run goes: whether a finished file is imported again, what the caller may post, and how often it notes its progress.</summary>
internal sealed record ImportSettings(bool Again, Func<PosEvent, ValidationError?> Scope, int UnitsPerCheckpoint = 1_000);
