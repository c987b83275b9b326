namespace OmniPos.Core.Replenishment;

/// <summary>
/// When a SKU at a store needs replenishing and to what level: below <see cref="ReorderPoint"/> units available (on hand −
/// reserved + on order) it is time to order, up to <see cref="OrderUpTo"/>. <see cref="LeadTimeDemand"/> is the demand
/// forecast over the lead time: available below it means a stockout is expected before an order could arrive.
/// </summary>
public sealed record ReorderPolicy(
    string StoreId, string Sku, int ReorderPoint, int OrderUpTo, int LeadTimeDays, double LeadTimeDemand, double DailyDemand);
