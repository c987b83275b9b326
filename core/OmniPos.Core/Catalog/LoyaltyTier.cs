namespace OmniPos.Core.Catalog;

/// <summary>A loyalty member's tier, lowest first.</summary>
public enum LoyaltyTier
{
    Bronze,
    Silver,
    Gold,
}
