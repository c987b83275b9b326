using System.Text.Json.Serialization;
using OmniPos.Core.Events;
using OmniPos.Core.Payments;

namespace OmniPos.Core.Sales;

/// <summary>A completed sale: lines less discounts plus tax equals tenders less change, to the cent.</summary>
/// <param name="TransactionId">The receipt number returns refer to; unique across the chain.</param>
/// <param name="Currency">Must be the store's currency.</param>
/// <param name="CustomerCountry">Where the customer is, as the storefront states it (an online order's delivery country); optional.</param>
public sealed record SaleRecorded(
    string TransactionId,
    string Currency,
    IReadOnlyList<SaleLine> Lines,
    IReadOnlyList<Tender> Tenders,
    decimal ChangeGiven = 0m,
    string? CustomerId = null,
    string? EmployeeId = null,
    string? CustomerCountry = null) : EventBody
{
    [JsonIgnore]
    public decimal Total => Lines.Sum(l => l.Total);
}
