namespace OmniPos.Core.Payments;

/// <summary>What may be kept of a card: the processor's token, brand, last four digits and authorization code. Never the number.</summary>
public sealed record CardDetails(string Token, string Brand, string LastFour, string? AuthCode = null);
