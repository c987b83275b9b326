using MathNet.Numerics.Distributions;
using OmniPos.Core.Replenishment;
using OmniPos.Models.Forecasting;
using OmniPos.Models.Replenishment;
using OmniPos.Warehouse.History;

namespace OmniPos.Models.Tests.Replenishment;

/// <summary>
/// Issue #7: reorder points and order-up-to levels follow DESIGN.md §5 from the forecast over the lead time and the
/// service level's safety stock; suggested orders take overstocked stores' surplus before buying, and buy whole cases.
/// </summary>
public sealed class ReplenishmentPlannerTests
{
    private static readonly ReplenishmentSettings Settings = new(LeadTimeDays: 4, ReviewDays: 3, ServiceLevel: 0.95, CasePack: 6, MinimumOrder: 12);

    [Fact]
    public void The_reorder_point_is_lead_time_demand_plus_z_sigma_root_lead_time_and_the_level_covers_the_review_period_too()
    {
        var forecast = new SeriesForecast(new SeriesKey("MUG-001", "NY-01"), DemandPattern.Smooth, "global", Enumerable.Repeat(5f, 28).ToArray(), 2f);

        var policy = new ReplenishmentPlanner(Settings).PolicyFor(forecast);

        var z = Normal.InvCDF(0, 1, 0.95);
        Assert.Equal((int)Math.Ceiling(20 + z * 2 * Math.Sqrt(4)), policy.ReorderPoint);
        Assert.Equal((int)Math.Ceiling(35 + z * 2 * Math.Sqrt(7)), policy.OrderUpTo);
        Assert.Equal(("NY-01", "MUG-001", 20.0, 5.0), (policy.StoreId, policy.Sku, policy.LeadTimeDemand, policy.DailyDemand));
    }

    [Fact]
    public void A_short_store_takes_a_surplus_stores_extra_units_first_and_buys_the_rest_in_whole_cases()
    {
        ReorderPolicy[] policies = [Policy("NY-01", 10, 30), Policy("NJ-02", 10, 30), Policy("CT-03", 10, 20)];
        StockPosition[] stock = [new("MUG-001", "NY-01", 4, 0, 0), new("MUG-001", "NJ-02", 38, 0, 0), new("MUG-001", "CT-03", 5, 1, 4)];

        var orders = new ReplenishmentPlanner(Settings).Suggest(policies, stock);

        Assert.Equal(
            [
                new SuggestedOrder("MUG-001", "NY-01", 4, 10, 30, 8, "NJ-02"),
                new SuggestedOrder("MUG-001", "NY-01", 4, 10, 30, 18, null),
                new SuggestedOrder("MUG-001", "CT-03", 8, 10, 20, 12, null),
            ],
            orders);
    }

    private static ReorderPolicy Policy(string store, int reorderPoint, int orderUpTo) => new(store, "MUG-001", reorderPoint, orderUpTo, 4, 8, 2);
}
