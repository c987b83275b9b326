using OmniPos.Core.Events;

namespace OmniPos.Core.Returns;

/// <summary>A return, partial or whole, with or without the receipt; an exchange names the sale that replaced the goods.</summary>
/// <param name="TransactionId">This return's own receipt number.</param>
/// <param name="OriginalTransactionId">The sale being returned against; absent for a return without receipt.</param>
/// <param name="ExchangeTransactionId">The new sale of an exchange, when there is one.</param>
/// <param name="CustomerCountry">Where the customer is, as the storefront states it; optional.</param>
public sealed record ReturnRecorded(
    string TransactionId,
    string Currency,
    IReadOnlyList<ReturnLine> Lines,
    IReadOnlyList<Refund> Refunds,
    string? OriginalTransactionId = null,
    string? ExchangeTransactionId = null,
    string? EmployeeId = null,
    string? CustomerCountry = null) : EventBody;
