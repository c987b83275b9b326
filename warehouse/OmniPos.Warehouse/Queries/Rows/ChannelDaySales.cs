namespace OmniPos.Warehouse.Queries.Rows;

/// <summary>
/// A business day's sales in one channel, gift cards left out. Revenue is net sales before tax (gross − discounts);
/// AOV = revenue ÷ orders, UPT = units ÷ orders (DESIGN.md §5).
/// </summary>
public sealed record ChannelDaySales(DateOnly BusinessDate, string Channel, decimal Revenue, decimal Discounts, decimal Tax, long Orders, long Units)
{
    public decimal? Aov => Ratio.Of(Revenue, Orders, 2);

    public decimal? Upt => Ratio.Of(Units, Orders, 2);
}
