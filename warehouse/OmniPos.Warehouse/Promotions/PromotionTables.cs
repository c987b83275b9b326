using OmniPos.Warehouse.DuckDb;

namespace OmniPos.Warehouse.Promotions;

/// <summary>The promotion analysis tables (Schema/013_promotion_results.sql): an analysis replaces every result in one transaction.</summary>
internal static class PromotionTables
{
    private const string OtherStores = "units_vs_other_stores";

    private static readonly string[] Components = ["lift", "cannibalized", "halo", "dip", "incremental"];

    public static void Replace(DuckDbConnection connection, PromotionRun run, IReadOnlyList<PromotionResult> results) => connection.InTransaction(() =>
    {
        connection.Execute("DELETE FROM promotion_effects; DELETE FROM promotion_results;");
        using (var header = connection.CreateAppender("promotion_results"))
        using (var effects = connection.CreateAppender("promotion_effects"))
        {
            foreach (var r in results)
            {
                header.Append(r.PromotionId).Append(r.Name).Append(r.StartsOn).Append(r.EndsOn).Append(r.Skus).Append(r.Locations).Append(r.Complements)
                    .Append(r.Complete).Append(r.BaselineUnits).Append(r.PromotedUnits).EndRow();
                foreach (var (measure, measured) in Measures(r))
                {
                    foreach (var (component, estimate) in Components.Zip(Parts(measured)))
                    {
                        effects.Append(r.PromotionId).Append(measure).Append(component).Append(estimate.Value).Append(estimate.Low).Append(estimate.High).EndRow();
                    }
                }
            }

            header.Complete();
            effects.Complete();
        }

        using var statement = connection.Prepare("INSERT INTO promotion_runs VALUES ($1, $2, $3, $4)");
        statement.BindAll(run.AnalysedAt, run.Promotions, run.Confidence, run.Seconds).Execute();
        return 0;
    });

    /// <summary>The stored results, ranked by incremental margin.</summary>
    public static List<PromotionResult> List(DuckDbConnection connection)
    {
        using var reader = connection.Query("""
            SELECT r.promotion_id, r.name, r.starts_on, r.ends_on, r.skus, r.locations, r.complements, r.complete, r.baseline_units, r.promoted_units,
                   list(e.measure ORDER BY e.measure, e.component), list(e.component ORDER BY e.measure, e.component),
                   list(e.value ORDER BY e.measure, e.component), list(e.low ORDER BY e.measure, e.component), list(e.high ORDER BY e.measure, e.component)
            FROM promotion_results r JOIN promotion_effects e USING (promotion_id)
            GROUP BY ALL
            """);
        return [.. reader.ReadAll(row =>
        {
            var measures = row.GetList(10, (v, i) => v.GetString(i));
            var components = row.GetList(11, (v, i) => v.GetString(i));
            var (values, lows, highs) = (row.GetList(12, (v, i) => v.GetDouble(i)), row.GetList(13, (v, i) => v.GetDouble(i)), row.GetList(14, (v, i) => v.GetDouble(i)));
            var estimates = Enumerable.Range(0, measures.Count).ToDictionary(i => (measures[i], components[i]), i => new Estimate(values[i], lows[i], highs[i]));
            PromotionEffects? Effects(string measure) => estimates.ContainsKey((measure, Components[0]))
                ? new PromotionEffects(estimates[(measure, "lift")], estimates[(measure, "cannibalized")], estimates[(measure, "halo")], estimates[(measure, "dip")],
                    estimates[(measure, "incremental")])
                : null;
            return new PromotionResult(row.GetString(0), row.GetString(1), row.GetDate(2), row.GetDate(3), row.GetInt32(4), row.GetInt32(5),
                row.GetList(6, (v, i) => v.GetString(i)), row.GetBoolean(7), row.GetDouble(8), row.GetDouble(9),
                Effects("units")!, Effects("revenue")!, Effects("margin")!, Effects(OtherStores));
        }).OrderByDescending(r => r.Margin.Incremental.Value)];
    }

    public static PromotionRun? Latest(DuckDbConnection connection)
    {
        using var reader = connection.Query("SELECT analysed_at, promotions, confidence, seconds FROM promotion_runs ORDER BY analysed_at DESC LIMIT 1");
        return reader.Read() ? new PromotionRun(new DateTimeOffset(reader.GetTimestamp(0), TimeSpan.Zero), reader.GetInt32(1), reader.GetDouble(2), reader.GetDouble(3)) : null;
    }

    private static IEnumerable<(string Measure, PromotionEffects Effects)> Measures(PromotionResult r)
    {
        yield return ("units", r.Units);
        yield return ("revenue", r.Revenue);
        yield return ("margin", r.Margin);
        if (r.AgainstOtherStores is { } other)
        {
            yield return (OtherStores, other);
        }
    }

    private static Estimate[] Parts(PromotionEffects e) => [e.Lift, e.Cannibalized, e.Halo, e.Dip, e.Incremental];
}
