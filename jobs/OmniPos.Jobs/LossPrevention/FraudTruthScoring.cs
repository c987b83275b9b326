using OmniPos.Core.LossPrevention;
using OmniPos.Core.Storage;
using OmniPos.Ingest.Simulation;
using OmniPos.Models.Evaluation;
using OmniPos.Warehouse;

namespace OmniPos.Jobs.LossPrevention;

/// <summary>
/// A store's whole fraud alert queue scored against the fraud a simulation injected into it (its ground-truth folder),
/// false alerts per store and week of the landed days: what <c>omnipos fraud evaluate</c>, <c>make bench</c> and the tests
/// report. Here because it joins the simulator's truth (ingest) with the scoring (models).
/// </summary>
public static class FraudTruthScoring
{
    public static async Task<FraudDetectionScore> ScoreAsync(IOperationalStore store, AnalyticsWarehouse warehouse, string truthFolder, CancellationToken cancellationToken)
    {
        var cases = await InjectedFraud.ReadAsync(truthFolder, store, cancellationToken);
        var alerts = await store.LossPrevention.ListAsync(null, FraudAlertState.All, int.MaxValue, cancellationToken);
        var stores = cases.Select(c => c.Case.StoreId).Concat(alerts.Select(a => a.StoreId)).Distinct().Count();
        var days = warehouse.LandedSpan() is { } span ? span.Through.DayNumber - span.From.DayNumber + 1 : 0;
        return FraudDetectionScore.Of(alerts, [.. cases.Select(c => new KnownFraudCase(c.Case.CaseId, c.Case.Type, c.Seqs))], Math.Max(1, stores), days / 7.0);
    }
}
