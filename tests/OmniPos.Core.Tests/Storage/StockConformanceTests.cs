using OmniPos.Core.Inventory;
using OmniPos.Core.Payments;
using OmniPos.Core.Returns;
using OmniPos.Core.Tests.Support;

namespace OmniPos.Core.Tests.Storage;

/// <summary>On hand and reserved move with the event that moves them. Every engine enrolls unchanged.</summary>
public abstract class StockConformanceTests : StoreTestBase
{
    [Fact]
    public async Task On_hand_follows_receipts_sales_returns_transfers_adjustments_and_reservations()
    {
        async Task Expect(int onHand, int reserved, string location = TestCatalog.StoreId)
        {
            var stock = await Store.GetStockAsync("SKU-4", location, CancellationToken.None);
            Assert.Equal((onHand, reserved, onHand - reserved), (stock.OnHand, stock.Reserved, stock.Available));
        }

        await Expect(0, 0);
        await AppendAcceptedAsync(TestEvents.Move(MovementKind.Receipt, "SKU-4", 10, unitCost: 4.10m));
        await Expect(10, 0);
        await AppendAcceptedAsync(TestEvents.Sale("T-1", ("SKU-4", 3, 10.00m)));
        await Expect(7, 0);
        await AppendAcceptedAsync(TestEvents.Return("R-1", "T-1", ("SKU-4", 1, 10.00m)));
        await Expect(8, 0);
        await AppendAcceptedAsync(new ReturnRecorded("R-2", "USD", [new ReturnLine(1, "SKU-4", 1, 10.00m, "damaged", Restock: false)],
            [new Refund(1, TenderKind.CardPresent, 10.00m, OriginalTenderNo: 1)], "T-1"));
        await Expect(8, 0);
        await AppendAcceptedAsync(TestEvents.Move(MovementKind.TransferOut, "SKU-4", 2));
        await AppendAcceptedAsync(TestEvents.Move(MovementKind.TransferIn, "SKU-4", 2, location: TestCatalog.Warehouse));
        await Expect(6, 0);
        await Expect(2, 0, TestCatalog.Warehouse);
        await AppendAcceptedAsync(TestEvents.Move(MovementKind.CountAdjustment, "SKU-4", -1, reason: "shrink"));
        await Expect(5, 0);
        await AppendAcceptedAsync(TestEvents.Move(MovementKind.Reservation, "SKU-4", 2));
        await Expect(5, 2);
        await AppendAcceptedAsync(TestEvents.Move(MovementKind.ReservationRelease, "SKU-4", 1));
        await Expect(5, 1);
    }

    [Fact]
    public async Task A_return_without_receipt_goes_to_store_credit_and_an_exchange_names_its_new_sale()
    {
        await AppendAcceptedAsync(new ReturnRecorded("R-1", "USD", [new ReturnLine(1, "SKU-3", 1, 8.00m, "gift, no receipt", Restock: true)],
            [new Refund(1, TenderKind.StoreCredit, 8.00m, Reference: "SC-77")], ExchangeTransactionId: "T-9"));
        await AppendAcceptedAsync(new Sales.SaleRecorded("T-9", "USD", [new Sales.SaleLine(1, "SKU-4", 1, 10.00m)],
            [new Tender(1, TenderKind.StoreCredit, 8.00m, Reference: "SC-77"), new Tender(2, TenderKind.Cash, 2.00m)]));

        Assert.Equal(1, (await Store.GetStockAsync("SKU-3", TestCatalog.StoreId, CancellationToken.None)).OnHand);
        Assert.Equal(-1, (await Store.GetStockAsync("SKU-4", TestCatalog.StoreId, CancellationToken.None)).OnHand);
        var exchange = Assert.IsType<ReturnRecorded>((await AllBodiesAsync())[0]);
        Assert.Equal("T-9", exchange.ExchangeTransactionId);
    }

    [Fact]
    public async Task Selling_past_zero_carries_negative_stock()
    {
        await AppendAcceptedAsync(TestEvents.Move(MovementKind.Receipt, "SKU-5", 1, unitCost: 4.00m));
        await AppendAcceptedAsync(TestEvents.Sale("T-1", ("SKU-5", 3, 10.00m)));

        Assert.Equal(-2, (await Store.GetStockAsync("SKU-5", TestCatalog.StoreId, CancellationToken.None)).OnHand);
    }
}
