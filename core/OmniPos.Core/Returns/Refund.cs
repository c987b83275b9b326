using OmniPos.Core.Payments;

namespace OmniPos.Core.Returns;

/// <summary>Money given back: to a tender of the original sale (<paramref name="OriginalTenderNo"/>), or as store credit.</summary>
public sealed record Refund(int RefundNo, TenderKind Kind, decimal Amount, int? OriginalTenderNo = null, string? Reference = null);
