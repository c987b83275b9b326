using OmniPos.Ingest.Simulation;
using OmniPos.Models.Evaluation;
using OmniPos.Warehouse;

namespace OmniPos.Jobs.Promotions;

/// <summary>
/// The warehouse's stored promotion results scored against the promotions a simulation ran (its ground-truth folder):
/// what <c>omnipos promo evaluate</c>, <c>make bench</c> and the tests report. Here because it joins the simulator's
/// truth (ingest) with the scoring (models).
/// </summary>
public static class PromotionTruthScoring
{
    public static PromotionLiftScore Score(AnalyticsWarehouse warehouse, string truthFolder) =>
        PromotionLiftScore.Of(warehouse.ReadPromotionResults(), TruePromotionEffects.ReadIncrementalUnits(truthFolder));
}
