namespace OmniPos.Core.Payments;

/// <summary>One way the customer paid. Card tenders carry <see cref="CardDetails"/>; gift cards and store credit a reference.</summary>
public sealed record Tender(int TenderNo, TenderKind Kind, decimal Amount, CardDetails? Card = null, string? Reference = null);
