namespace OmniPos.Core.Returns;

/// <summary>Units coming back. <paramref name="RefundAmount"/> is what the customer gets for them, tax included.</summary>
/// <param name="Restock">True when the units go back on the shelf (and into a new aging lot); false for damaged goods.</param>
public sealed record ReturnLine(
    int LineNo,
    string Sku,
    int Quantity,
    decimal RefundAmount,
    string Reason,
    bool Restock,
    string? Location = null);
