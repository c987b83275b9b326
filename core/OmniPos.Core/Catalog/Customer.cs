namespace OmniPos.Core.Catalog;

/// <summary>A customer the chain knows by name; a loyalty member has a tier.</summary>
public sealed record Customer(string CustomerId, string Name, string? Email = null, LoyaltyTier? LoyaltyTier = null);
