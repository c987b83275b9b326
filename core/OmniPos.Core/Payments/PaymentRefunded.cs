using OmniPos.Core.Events;

namespace OmniPos.Core.Payments;

/// <summary>Money given back to a tender outside a return (price adjustment, goodwill); counts against what the tender paid.</summary>
public sealed record PaymentRefunded(string TransactionId, int TenderNo, decimal Amount, string Reason) : EventBody;
