using OmniPos.Models.Forecasting;
using OmniPos.Warehouse.History;
using OmniPos.Warehouse.Promotions;

namespace OmniPos.Models.Promotions;

/// <summary>
/// Measures one promotion (see <see cref="PromotionAnalysis"/>). At its locations the series fall into its SKUs, their
/// substitutes (the rest of their leaf categories), the complements, and the control: the leaves no promotion moved on
/// the day. Its spans are the promotion's days, the dip's after them, and the level days before it, where the model
/// (forecasting from the start of each four weeks of them) shows how far off it runs on each group: that level, times how its error on the
/// control (the untouched leaves of the promotion's department, or of every department where those sold too little)
/// moved from then to the promotion (its shift, pooled across the promotions before it is used), calibrates the
/// counterfactual.
/// </summary>
internal sealed class PromotionMeasurement(
    SalesHistory history, IReadOnlyDictionary<string, CatalogItem> catalog, SalesLedger sales, PromotionReach reach, PromotionSettings settings)
{
    /// <summary>The relative error of the model's baseline assumed when too few control leaves show it.</summary>
    private const double FallbackModelError = 0.05;
    private const int MinimumPlacebos = 3;
    private const int MinimumControlUnits = 400;

    private enum Role { Promoted, Substitute, Complement }

    public MeasuredPromotion Measure(PromotionScope scope, GlobalDemandModel model)
    {
        var origin = history.Calendar.DayOf(scope.StartsOn);
        var horizon = Math.Min(GlobalDemandModel.Horizon, Math.Min(scope.Days + settings.DipDays, history.Days - origin));
        var counterfactual = model.Forecast(PromotionCounterfactual.Of(history, scope, sales), horizon);
        var before = Before(model, origin);
        var skus = scope.Skus.ToHashSet(StringComparer.Ordinal);
        var locations = scope.Locations.ToHashSet(StringComparer.Ordinal);
        var leaves = reach.LeavesOf(scope);
        var complements = reach.ComplementsOf(scope);

        var here = new Dictionary<(Role, Span Span), MeasureTotals>();
        var elsewhere = new Dictionary<(Role, Span Span), MeasureTotals>();
        var departments = scope.Skus.Select(sku => catalog[sku].Department).ToHashSet(StringComparer.Ordinal);
        var control = new Dictionary<Span, MeasureTotals>();
        var departmentControl = new Dictionary<Span, MeasureTotals>();
        var placebos = new Dictionary<(string Leaf, Span Span), MeasureTotals>();
        var members = Enum.GetValues<Role>().ToDictionary(role => role, _ => new List<SeriesKey>());
        for (var index = 0; index < history.Series.Count; index++)
        {
            var key = history.Series[index].Key;
            if (!catalog.TryGetValue(key.Sku, out var item))
            {
                continue;
            }

            Role? role = skus.Contains(key.Sku) ? Role.Promoted : leaves.Contains(item.Leaf) ? Role.Substitute : complements.Contains(item.Leaf) ? Role.Complement : null;
            var atPromotion = locations.Contains(key.Location);
            if (role is { } member && atPromotion)
            {
                members[member].Add(key);
            }

            foreach (var (span, date, expected) in Days(scope, horizon, counterfactual[index], before[index]))
            {
                if (role is { } r && (r == Role.Promoted || span != Span.After))
                {
                    // Before it, a day another promotion moved says nothing of the group's level.
                    if (span != Span.Before || !reach.MovedByAnother(scope, item.Leaf, key.Location, date))
                    {
                        Add(Totals(atPromotion ? here : elsewhere, (r, span)), key, date, expected);
                    }
                }
                else if (role is null && atPromotion && !reach.Moved(item.Leaf, key.Location, date))
                {
                    Add(Totals(control, span), key, date, expected);
                    if (departments.Contains(item.Department))
                    {
                        Add(Totals(departmentControl, span), key, date, expected);
                    }

                    Add(Totals(placebos, ($"{item.Department}/{item.Leaf}", span)), key, date, expected);
                }
            }
        }

        // The promotion's department untouched, where it sold enough to tell; else every untouched leaf there.
        var shifting = new[] { Span.Running, Span.Before }.All(span => departmentControl.GetValueOrDefault(span)?.Actual[MeasureTotals.Units] >= MinimumControlUnits) ? departmentControl : control;
        var controlShifts = new[] { Span.Running, Span.After }.ToDictionary(span => span, span => Level(shifting, span).Over(Level(shifting, Span.Before)));
        var levels = Enum.GetValues<Role>().ToDictionary(role => role, role => Level(here, (role, Span.Before)));
        Calibration OtherStoresShift(Role role, Span span) => Level(elsewhere, (role, span)).Over(Level(elsewhere, (role, Span.Before)));
        var modelError = ModelError(placebos, controlShifts[Span.Running]);
        var values = members.ToDictionary(m => m.Key, m => ValuePerUnit(scope, m.Value));
        var regional = elsewhere.GetValueOrDefault((Role.Promoted, Span.Running)) is { } twin && twin.Actual[MeasureTotals.Units] > 0;
        return new MeasuredPromotion(scope, skus.Count, locations.Count, [.. complements.Order(StringComparer.Ordinal)], horizon == scope.Days + settings.DipDays,
            Terms(here, values, levels, (_, span) => controlShifts[span], modelError), controlShifts,
            regional ? Terms(here, values, levels, OtherStoresShift, 0) : null);
    }

    /// <summary>
    /// What the model expected of each series over the <see cref="PromotionSettings.LevelDays"/> before the promotion, from
    /// the start of each four weeks of them (as many as have four weeks of history before them to forecast from).
    /// </summary>
    private float[][] Before(GlobalDemandModel model, int origin)
    {
        const int window = GlobalDemandModel.Horizon;
        var windows = Math.Max(1, Math.Min(settings.LevelDays, origin - window) / window);
        var forecasts = Enumerable.Range(1, windows).Reverse().Select(w => model.Forecast(history.KnownBefore(origin - (w * window)), window)).ToList();
        return [.. Enumerable.Range(0, history.Series.Count).Select(series => forecasts.SelectMany(forecast => forecast[series]).ToArray())];
    }

    /// <summary>The days of each span with the baseline the model expected of the series on them.</summary>
    private static IEnumerable<(Span Span, DateOnly Date, float Baseline)> Days(PromotionScope scope, int horizon, float[] counterfactual, float[] before)
    {
        for (var day = 0; day < before.Length; day++)
        {
            yield return (Span.Before, scope.StartsOn.AddDays(day - before.Length), before[day]);
        }

        for (var day = 0; day < horizon; day++)
        {
            yield return (day < scope.Days ? Span.Running : Span.After, scope.StartsOn.AddDays(day), counterfactual[day]);
        }
    }

    private static Calibration Level<TKey>(Dictionary<TKey, MeasureTotals> totals, TKey key) where TKey : notnull =>
        totals.TryGetValue(key, out var found) ? Calibration.Of(found) : Calibration.None;

    private static MeasureTotals Totals<TKey>(Dictionary<TKey, MeasureTotals> totals, TKey key) where TKey : notnull
    {
        if (!totals.TryGetValue(key, out var found))
        {
            totals[key] = found = new MeasureTotals();
        }

        return found;
    }

    private void Add(MeasureTotals totals, SeriesKey key, DateOnly day, float baseline)
    {
        totals.AddBaseline(baseline);
        if (sales.Find(key.Sku, key.Location, day) is { } sold)
        {
            totals.AddActual(sold);
        }
    }

    /// <summary>
    /// The model's relative error on a leaf's calibrated baseline, from the control's leaves (placebos: no promotion touched
    /// them): what their baselines, calibrated as the promotion's groups are, missed by beyond what sampling explains.
    /// </summary>
    private static double ModelError(Dictionary<(string Leaf, Span Span), MeasureTotals> placebos, Calibration shift)
    {
        var running = placebos.Where(p => p.Key.Span == Span.Running).ToList();
        if (running.Count < MinimumPlacebos)
        {
            return FallbackModelError;
        }

        var (excess, scale) = (0.0, 0.0);
        foreach (var (key, placebo) in running)
        {
            var expected = Level(placebos, (key.Leaf, Span.Before)).Times(shift).Factor * placebo.BaselineUnits;
            var miss = placebo.Actual[MeasureTotals.Units] - expected;
            excess += miss * miss - placebo.Actual[MeasureTotals.Units];
            scale += expected * expected;
        }

        return scale > 0 ? Math.Sqrt(Math.Max(0, excess * running.Count / (running.Count - 1)) / scale) : FallbackModelError;
    }

    /// <summary>A group's regular value per unit (units, revenue and margin after returns) from its members' sales at the promotion's locations in the days before it.</summary>
    private double[] ValuePerUnit(PromotionScope scope, List<SeriesKey> members)
    {
        var totals = new MeasureTotals();
        for (var day = scope.StartsOn.AddDays(-settings.PriceDays); day < scope.StartsOn; day = day.AddDays(1))
        {
            foreach (var key in members)
            {
                if (sales.Find(key.Sku, key.Location, day) is { } sold)
                {
                    totals.AddActual(sold);
                }
            }
        }

        var units = totals.Actual[MeasureTotals.Units];
        if (units > 0)
        {
            return [1, totals.Actual[MeasureTotals.Revenue] / units, totals.Actual[MeasureTotals.Margin] / units];
        }

        if (members.Count == 0)
        {
            return [1, 0, 0];
        }

        // Nothing sold before it: the list price, and its margin over cost.
        var listed = members.Average(key => (double)catalog[key.Sku].UnitPrice);
        return [1, listed, listed - members.Average(key => (double)catalog[key.Sku].UnitCost)];
    }

    private static PromotionTerms Terms(
        Dictionary<(Role, Span Span), MeasureTotals> totals, Dictionary<Role, double[]> values, Dictionary<Role, Calibration> levels, Func<Role, Span, Calibration> shift, double modelError)
    {
        PromotionTerm? Term(Role role, Span span) =>
            totals.TryGetValue((role, span), out var found) ? new PromotionTerm(found, values[role], levels[role], shift(role, span), span) : null;
        var cross = new (CrossEffect Effect, PromotionTerm? Term)[]
        {
            (CrossEffect.Cannibalization, Term(Role.Substitute, Span.Running)), (CrossEffect.Halo, Term(Role.Complement, Span.Running)), (CrossEffect.Dip, Term(Role.Promoted, Span.After)),
        };
        return new PromotionTerms(Term(Role.Promoted, Span.Running), cross.Where(c => c.Term is not null).ToDictionary(c => c.Effect, c => c.Term!), modelError);
    }
}
