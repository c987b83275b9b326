namespace OmniPos.Warehouse.Queries.Rows;

/// <summary>
/// A captured card tender and the processor's settlement with its store, token and auth code. Either side may be
/// missing; <see cref="Status"/> says how they compare.
/// </summary>
public sealed record CardCapture(
    string StoreId, DateOnly BusinessDate, string? TransactionId, int? TenderNo, string? Kind, string CardToken, string AuthCode,
    decimal? Captured, DateOnly? SettlementDate, decimal? Settled, decimal? Fee)
{
    public string Status => (Captured, Settled) switch
    {
        (null, _) => "not_captured",
        (_, null) => "not_settled",
        var (c, s) when c == s => "matched",
        _ => "amount_differs",
    };
}
