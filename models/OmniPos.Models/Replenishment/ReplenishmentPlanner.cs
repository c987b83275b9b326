using MathNet.Numerics.Distributions;
using OmniPos.Core.Replenishment;
using OmniPos.Models.Forecasting;

namespace OmniPos.Models.Replenishment;

/// <summary>
/// Reorder points and order-up-to levels from the forecast (DESIGN.md §5): the reorder point is the demand forecast over
/// the lead time plus safety stock z·σ·√L (σ the series' typical daily error in the backtests, z the service level's
/// normal quantile); the order-up-to level covers lead time and review period the same way. Suggested orders bring a
/// store at or under its reorder point (counting what is on order) up to its order-up-to level, first from stores
/// holding more than their own order-up-to level, then by purchase in whole cases.
/// </summary>
public sealed class ReplenishmentPlanner(ReplenishmentSettings settings)
{
    public ReorderPolicy PolicyFor(SeriesForecast forecast)
    {
        var z = Normal.InvCDF(0, 1, settings.ServiceLevel);
        var leadTime = settings.LeadTimeDays;
        var cover = leadTime + settings.ReviewDays;
        var leadTimeDemand = forecast.TotalOver(leadTime);
        var reorderPoint = (int)Math.Ceiling(leadTimeDemand + z * forecast.DailyError * Math.Sqrt(leadTime));
        var orderUpTo = Math.Max(reorderPoint, (int)Math.Ceiling(forecast.TotalOver(cover) + z * forecast.DailyError * Math.Sqrt(cover)));
        return new ReorderPolicy(forecast.Key.Location, forecast.Key.Sku, reorderPoint, orderUpTo, leadTime, leadTimeDemand, leadTimeDemand / leadTime);
    }

    /// <summary>The transfers and purchases that bring every location at or under its reorder point up to its order-up-to level.</summary>
    public IReadOnlyList<SuggestedOrder> Suggest(IReadOnlyList<ReorderPolicy> policies, IReadOnlyList<StockPosition> positions)
    {
        var byLocation = positions.ToDictionary(position => (position.Sku, position.Location));
        var orders = new List<SuggestedOrder>();
        foreach (var sku in policies.GroupBy(policy => policy.Sku))
        {
            var stores = sku.Select(policy => (Policy: policy, Position: byLocation.GetValueOrDefault((policy.Sku, policy.StoreId)) ?? new StockPosition(policy.Sku, policy.StoreId, 0, 0, 0)))
                .ToList();
            // A store gives only what is on its shelf beyond its own level, never what it still waits for.
            var surplus = stores.Select(s => (s.Policy.StoreId, Units: Math.Min(s.Position.Available - s.Policy.OrderUpTo, s.Position.OnHand - s.Position.Reserved)))
                .Where(s => s.Units > 0).OrderByDescending(s => s.Units).ToList();
            foreach (var (policy, units) in stores.Where(s => s.Position.Available <= s.Policy.ReorderPoint)
                .Select(s => (s.Policy, s.Position.Available)).OrderByDescending(s => s.Policy.OrderUpTo - s.Available))
            {
                var need = policy.OrderUpTo - units;
                for (var giver = 0; giver < surplus.Count && need > 0; giver++)
                {
                    var moved = Math.Min(need, surplus[giver].Units);
                    if (moved > 0)
                    {
                        orders.Add(new SuggestedOrder(policy.Sku, policy.StoreId, units, policy.ReorderPoint, policy.OrderUpTo, moved, surplus[giver].StoreId));
                        surplus[giver] = (surplus[giver].StoreId, surplus[giver].Units - moved);
                        need -= moved;
                    }
                }

                if (need > 0)
                {
                    var cases = (need + settings.CasePack - 1) / settings.CasePack;
                    orders.Add(new SuggestedOrder(policy.Sku, policy.StoreId, units, policy.ReorderPoint, policy.OrderUpTo,
                        Math.Max(settings.MinimumOrder, cases * settings.CasePack), null));
                }
            }
        }

        return orders;
    }
}
