using OmniPos.Core.Catalog;

namespace OmniPos.Ingest.Simulation;

/// <summary>A loyalty member: the tier sets how often they come back; the home shop is where they shop and pick up.</summary>
public sealed record SimCustomer(Customer Customer, LoyaltyTier Tier, int HomeShop, string Country);
