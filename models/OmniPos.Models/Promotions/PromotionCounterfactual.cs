using OmniPos.Warehouse.History;
using OmniPos.Warehouse.Promotions;

namespace OmniPos.Models.Promotions;

/// <summary>
/// The world without a promotion, as the demand model is asked about it: the history as known the morning it started,
/// its SKUs at its locations neither promoted nor discounted on its days: their price the shelf price their lines were
/// discounted from (a clearance markdown meanwhile is not the promotion's doing), the one they had before on a day they
/// did not sell.
/// </summary>
internal static class PromotionCounterfactual
{
    public static SalesHistory Of(SalesHistory history, PromotionScope scope, SalesLedger sales)
    {
        var origin = history.Calendar.DayOf(scope.StartsOn);
        var (skus, locations) = (scope.Skus.ToHashSet(StringComparer.Ordinal), scope.Locations.ToHashSet(StringComparer.Ordinal));
        var view = history.KnownBefore(origin);
        return view with
        {
            Series = view.Series.Select(series => skus.Contains(series.Key.Sku) && locations.Contains(series.Key.Location) ? Unpromoted(series, history.Calendar, origin, scope.Days, sales) : series).ToList(),
        };
    }

    private static DemandSeries Unpromoted(DemandSeries series, SalesCalendar calendar, int origin, int days, SalesLedger sales)
    {
        var (prices, promoted) = ((float[])series.Prices.Clone(), (bool[])series.Promoted.Clone());
        for (var day = origin; day < Math.Min(origin + days, prices.Length); day++)
        {
            prices[day] = sales.Find(series.Key.Sku, series.Key.Location, calendar.DateOf(day)) is { Units: > 0 } sold ? (float)(sold.Gross / sold.Units) : float.NaN;
        }

        for (var day = origin; day < Math.Min(origin + days, promoted.Length); day++)
        {
            promoted[day] = false;
        }

        return series with { Prices = prices, Promoted = promoted };
    }
}
