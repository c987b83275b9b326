namespace OmniPos.Warehouse.Promotions;

/// <summary>
/// What a promotion did to one measure (units, revenue after returns, margin after returns) against its baseline: the
/// lift on its SKUs while it ran, what their substitutes lost meanwhile (cannibalization), what complements gained
/// (halo), what its SKUs lost in the days after it (the dip); incremental = lift − cannibalized + halo − dip.
/// </summary>
public sealed record PromotionEffects(Estimate Lift, Estimate Cannibalized, Estimate Halo, Estimate Dip, Estimate Incremental);
