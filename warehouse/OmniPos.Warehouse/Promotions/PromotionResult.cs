namespace OmniPos.Warehouse.Promotions;

/// <summary>
/// One promotion measured (models/: promotion analysis). <see cref="Units"/>, <see cref="Revenue"/> and <see cref="Margin"/> are against the demand
/// model's counterfactual (its forecast from the day the promotion started, the promotion taken away), calibrated by how
/// the model did on untouched departments at the same locations; <see cref="AgainstOtherStores"/> is, for a regional
/// promotion, the difference in differences against the same SKUs where it did not run. <see cref="Complete"/> is false
/// while the days after it (the dip) have not all landed.
/// </summary>
public sealed record PromotionResult(
    string PromotionId,
    string Name,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int Skus,
    int Locations,
    IReadOnlyList<string> Complements,
    bool Complete,
    double BaselineUnits,
    double PromotedUnits,
    PromotionEffects Units,
    PromotionEffects Revenue,
    PromotionEffects Margin,
    PromotionEffects? AgainstOtherStores)
{
    public bool Regional => AgainstOtherStores is not null;
}
