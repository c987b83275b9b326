using System.Text.Json.Serialization;

namespace OmniPos.Core.Sales;

/// <summary>One line of a sale. Extended price is <c>Quantity × UnitPrice</c>; discounts reduce it and taxes are added.</summary>
/// <param name="Location">Stock location the units leave from; the store itself when absent.</param>
public sealed record SaleLine(
    int LineNo,
    string Sku,
    int Quantity,
    decimal UnitPrice,
    IReadOnlyList<Discount>? Discounts = null,
    IReadOnlyList<LineTax>? Taxes = null,
    Fulfilment Fulfilment = Fulfilment.CarryOut,
    string? Location = null)
{
    [JsonIgnore]
    public decimal ExtendedPrice => Quantity * UnitPrice;

    [JsonIgnore]
    public decimal DiscountTotal => Discounts?.Sum(d => d.Amount) ?? 0m;

    [JsonIgnore]
    public decimal TaxTotal => Taxes?.Sum(t => t.Amount) ?? 0m;

    [JsonIgnore]
    public decimal Total => ExtendedPrice - DiscountTotal + TaxTotal;
}
