namespace OmniPos.Ingest.Simulation;

/// <summary>Loyalty tiers; a member's chance of being the one at the till grows with the tier.</summary>
public enum LoyaltyTier
{
    Bronze = 1,
    Silver = 2,
    Gold = 4,
}
