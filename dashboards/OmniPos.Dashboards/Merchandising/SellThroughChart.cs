using OmniPos.Dashboards.Tables;
using OmniPos.Warehouse.Queries.Rows;

namespace OmniPos.Dashboards.Merchandising;

/// <summary>
/// Sell-through per week and category over the stores asked for (the heatmap and its table): each store's units summed
/// first, then the variant's formula taken of the sums (DESIGN.md §5), so a total ties out with its parts.
/// </summary>
internal static class SellThroughChart
{
    public static ChartTable Of(IReadOnlyList<SellThrough> perStore) =>
        new(["week", "category", "opening_on_hand", "received", "net_sold", "closing_on_hand", "sell_through_pct"],
            [.. perStore.GroupBy(row => (row.WeekStart, Category: row.Category ?? ""))
                .OrderBy(week => week.Key.WeekStart).ThenBy(week => week.Key.Category, StringComparer.Ordinal)
                .Select(week => Row(Summed(week.Key.WeekStart, week.Key.Category, [.. week])))]);

    private static SellThrough Summed(DateOnly weekStart, string category, IReadOnlyList<SellThrough> stores) =>
        new(weekStart, "", category, null, stores.Sum(s => s.OpeningOnHand), stores.Sum(s => s.Received), stores.Sum(s => s.Sold),
            stores.Sum(s => s.Returned), stores.Sum(s => s.ClosingOnHand), stores[0].Variant);

    private static object?[] Row(SellThrough week) =>
        [week.WeekStart, week.Category, week.OpeningOnHand, week.Received, week.NetSold, week.ClosingOnHand, week.Percent];
}
