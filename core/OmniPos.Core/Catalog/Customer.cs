namespace OmniPos.Core.Catalog;

public sealed record Customer(string CustomerId, string Name, string? Email = null);
