using OmniPos.Core.Catalog;

namespace OmniPos.Ingest.Simulation;

/// <summary>
/// A promotion as the simulator runs it: a percentage off some styles of one subcategory (<see cref="Skus"/>, the
/// subcategory's other SKUs being their substitutes), at all locations or a region's shops, with the display lift beyond
/// what the lower price alone brings.
/// </summary>
public sealed record PromotionPlan(
    Promotion Promotion,
    int Subcategory,
    IReadOnlySet<int> Skus,
    decimal DiscountShare,
    double DisplayLift,
    IReadOnlySet<int> Locations,
    bool Regional)
{
    public bool Runs(int location, DateOnly day) => Locations.Contains(location) && day >= Promotion.StartsOn && day <= Promotion.EndsOn;
}
