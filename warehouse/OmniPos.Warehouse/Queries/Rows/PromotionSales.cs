namespace OmniPos.Warehouse.Queries.Rows;

/// <summary>The sale lines a promotion discounted: their units, gross and net sales, the promotion's own discount, cost and margin.</summary>
public sealed record PromotionSales(
    string PromotionId, string? Name, DateOnly? StartsOn, DateOnly? EndsOn, long Orders, long Units, decimal Gross, decimal PromotionDiscount,
    decimal NetSales, decimal Cost)
{
    public decimal Margin => NetSales - Cost;
}
