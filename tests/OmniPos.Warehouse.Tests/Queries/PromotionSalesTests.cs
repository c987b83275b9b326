using OmniPos.Warehouse.Promotions;
using OmniPos.Warehouse.Tests.Support;
using static OmniPos.Warehouse.Tests.Support.TestChain;

namespace OmniPos.Warehouse.Tests.Queries;

/// <summary>What promotion analysis reads of the hand-made week (<see cref="SalesWeek"/>): the promotion as its lines show it, the sales with their returns.</summary>
public sealed class PromotionSalesTests() : WarehouseTestBase(new SqliteEngine())
{
    [Fact]
    public async Task A_promotion_is_known_by_the_skus_and_stores_whose_lines_carried_its_discount()
    {
        await AppendAsync([.. SalesWeek.Events()]);
        await Warehouse.LandAsync(Store);

        var scope = Assert.Single(Warehouse.ReadPromotionScopes());
        Assert.Equal((Promotion, new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 30)), (scope.PromotionId, scope.StartsOn, scope.EndsOn));
        Assert.Equal([Mug, Tee], scope.Skus);
        Assert.Equal([LosAngeles, NewYork], scope.Locations);
        Assert.Contains(new CatalogItem(Cap, "Apparel", "Hats", 3.00m, 12.00m), Warehouse.ReadPromotionCatalog());
    }

    [Fact]
    public async Task A_return_counts_against_the_day_and_store_of_the_sale_it_undoes_and_one_without_a_receipt_against_none()
    {
        await AppendAsync([.. SalesWeek.Events()]);
        await Warehouse.LandAsync(Store);

        var sales = Warehouse.ReadSeriesSales(SalesWeek.Monday, SalesWeek.Thursday);

        // S1's two mugs: 20.00 at shelf, 18.00 net, at cost 8.00; R1 brought one back on Wednesday for 9.72 (cost 4.00).
        var mugs = sales.Single(s => s.Sku == Mug && s.Location == NewYork && s.BusinessDate == SalesWeek.Monday);
        Assert.Equal(new SeriesSales(Mug, NewYork, SalesWeek.Monday, 2, 20.00m, 18.00m, 8.00m, 1, 9.72m, 4.00m), mugs);
        Assert.Equal((8.28m, 4.28m), (mugs.RevenueAfterReturns, mugs.MarginAfterReturns));
        // R2's cap came back without a receipt: no sale of the week is undone by it.
        Assert.All(sales.Where(s => s.Sku == Cap), s => Assert.Equal(0, s.ReturnedUnits));
        Assert.Equal(sales.Sum(s => s.Units), Sql("SELECT sum(quantity) FROM fact_sale_lines WHERE NOT is_gift_card", r => (int)r.GetInt64(0)).Single());
    }
}
