using OmniPos.Core.Catalog;

namespace OmniPos.Ingest.Simulation;

/// <summary>A loyalty member: the tier (in the customer record) sets how often they come back; the home shop is where they shop and pick up.</summary>
public sealed record SimCustomer(Customer Customer, int HomeShop, string Country)
{
    /// <summary>How likely the member is to be the one at the till, against a bronze member's 1.</summary>
    public double Visits => Customer.LoyaltyTier switch
    {
        LoyaltyTier.Gold => 4,
        LoyaltyTier.Silver => 2,
        _ => 1,
    };
}
