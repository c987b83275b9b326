namespace OmniPos.Models.Replenishment;

/// <summary>
/// How stores replenish: the supplier's lead time and the days between orders (review period), the chance a store should
/// not run out before an order arrives (cycle service level), and the units of a case and the fewest a purchase order
/// line may carry. The catalog holds no supply terms yet, so every SKU has these.
/// </summary>
public sealed record ReplenishmentSettings(int LeadTimeDays = 7, int ReviewDays = 7, double ServiceLevel = 0.95, int CasePack = 1, int MinimumOrder = 1);
