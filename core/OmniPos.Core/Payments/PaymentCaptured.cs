using OmniPos.Core.Events;

namespace OmniPos.Core.Payments;

/// <summary>Settlement-side capture of a tender authorized at sale time (typically card-not-present orders).</summary>
public sealed record PaymentCaptured(string TransactionId, int TenderNo, decimal Amount) : EventBody;
