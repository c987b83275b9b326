using System.Globalization;
using OmniPos.Core.Storage;

namespace OmniPos.Ingest.Simulation;

/// <summary>
/// A fraud case the simulator injected, read back from its ground truth, with the log positions (<c>seq</c>) its events
/// were given when posted: what detection is scored against.
/// </summary>
public sealed record InjectedFraud(FraudCase Case, IReadOnlySet<long> Seqs)
{
    /// <summary>Every case in <c>fraud_cases.csv</c> and <c>fraud_events.csv</c> of a truth folder, its events found in the store's log.</summary>
    public static async Task<IReadOnlyList<InjectedFraud>> ReadAsync(string truthFolder, IOperationalStore store, CancellationToken cancellationToken)
    {
        var events = File.ReadLines(Path.Combine(truthFolder, GroundTruthWriter.FraudEventsFile)).Skip(1).Select(line => line.Split(','))
            .GroupBy(fields => fields[0], fields => fields[2]).ToDictionary(g => g.Key, g => g.ToList());
        var caseOfEvent = events.SelectMany(e => e.Value.Select(id => (Id: id, Case: e.Key))).ToDictionary(e => e.Id, e => e.Case);
        var seqs = events.Keys.ToDictionary(id => id, _ => new HashSet<long>());
        var after = 0L;
        for (IReadOnlyList<StoredEvent> page; (page = await store.ReadEventsAsync(after, 10_000, cancellationToken)).Count > 0; after = page[^1].Seq)
        {
            foreach (var e in page.Where(e => caseOfEvent.ContainsKey(e.EventId)))
            {
                seqs[caseOfEvent[e.EventId]].Add(e.Seq);
            }
        }

        return [.. File.ReadLines(Path.Combine(truthFolder, GroundTruthWriter.FraudCasesFile)).Skip(1).Select(line => line.Split(',')).Select(f =>
            new InjectedFraud(
                new FraudCase(f[0], f[1], f[2], f[3], DateOnly.ParseExact(f[4], "yyyy-MM-dd", CultureInfo.InvariantCulture), decimal.Parse(f[5], CultureInfo.InvariantCulture),
                    events.GetValueOrDefault(f[0]) ?? []),
                seqs.GetValueOrDefault(f[0]) ?? []))];
    }
}
