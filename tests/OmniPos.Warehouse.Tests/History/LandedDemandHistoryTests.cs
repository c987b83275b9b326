using OmniPos.Core.Inventory;
using OmniPos.Core.Payments;
using OmniPos.Warehouse.History;
using OmniPos.Warehouse.Tests.Support;
using static OmniPos.Warehouse.Tests.Support.TestChain;

namespace OmniPos.Warehouse.Tests.History;

/// <summary>
/// Issue #7: the demand history forecasting reads from landed sales. A day that ended with an empty shelf is unknown
/// demand, not zero (censored: nobody could buy what was not there); a day in stock without sales is zero; and imported
/// history carries the series back before the first landed day.
/// </summary>
public sealed class LandedDemandHistoryTests() : WarehouseTestBase(new SqliteEngine())
{
    private static readonly DateTime Monday = new(2026, 3, 2, 9, 0, 0);

    [Fact]
    public async Task Days_that_ended_out_of_stock_are_unknown_and_days_in_stock_without_sales_are_zero()
    {
        await AppendAsync(
            At(NewYorkRegister, Monday, new InventoryMoved(MovementKind.Receipt, Mug, 5, UnitCost: 4.00m)),
            At(NewYorkRegister, Monday.AddHours(2), Sale("S1", TenderKind.Cash, (Mug, 2, 10.00m))),
            At(NewYorkRegister, Monday.AddDays(1), Sale("S2", TenderKind.Cash, (Mug, 3, 10.00m))),
            At(NewYorkRegister, Monday.AddDays(3), new InventoryMoved(MovementKind.Receipt, Mug, 10, UnitCost: 4.00m)),
            At(NewYorkRegister, Monday.AddDays(3).AddHours(1), Sale("S3", TenderKind.Cash, (Mug, 1, 8.00m))),
            At(NewYorkRegister, Monday.AddDays(5), Sale("S4", TenderKind.Cash, (Mug, 1, 10.00m))));
        await Warehouse.LandAsync(Store);

        var history = Warehouse.ReadSalesHistory() ?? throw new InvalidOperationException("no history after landing");

        var mug = history.Series.Single(s => s.Key == new SeriesKey(Mug, NewYork));
        Assert.Equal((DateOnly.FromDateTime(Monday), 6), (history.Calendar.Start, history.Days));
        Assert.Equal([2f, float.NaN, float.NaN, 1f, 0f, 1f], mug.Units);
        Assert.Equal([10f, 10f, 10f, 8f, 10f, 10f], mug.Prices);
        Assert.Equal(("Home", "Kitchen"), (mug.Department, mug.Category));
    }

    [Fact]
    public async Task Imported_history_carries_a_landed_series_back_before_its_first_landed_day()
    {
        var file = Path.Combine(DataDirectory, "previous.csv");
        await File.WriteAllLinesAsync(file, ["sku,location,date,units,price,promoted", $"{Mug},{NewYork},2026-02-28,7,10.00,false", $"{Mug},{NewYork},2026-03-01,4,10.00,false"]);
        Warehouse.ImportHistoryCsv(file);
        await AppendAsync(
            At(NewYorkRegister, Monday, new InventoryMoved(MovementKind.Receipt, Mug, 5, UnitCost: 4.00m)),
            At(NewYorkRegister, Monday.AddHours(2), Sale("S1", TenderKind.Cash, (Mug, 2, 10.00m))));
        await Warehouse.LandAsync(Store);

        var history = Warehouse.ReadSalesHistory()!;

        Assert.Equal(new DateOnly(2026, 2, 28), history.Calendar.Start);
        Assert.Equal([7f, 4f, 2f], history.Series.Single(s => s.Key == new SeriesKey(Mug, NewYork)).Units);
    }
}
