using OmniPos.Core.Payments;

namespace OmniPos.Core.Ledger;

/// <summary>Where a tender of a recorded sale stands: what it paid (net of change), and what was refunded and captured since.</summary>
internal sealed record TenderPosition(int TenderNo, TenderKind Kind, decimal Amount, decimal Paid, decimal Refunded, decimal Captured)
{
    public decimal Refundable => Paid - Refunded;
}
