namespace OmniPos.Warehouse.Queries.Rows;

/// <summary>
/// One till shift (DESIGN.md §5): expected cash = opening float + cash taken − change given − cash refunds + paid-ins −
/// paid-outs − drops; over/short = counted − expected (null while the shift is open); the opening difference (counted at
/// open − counted at the previous close) is separate.
/// </summary>
public sealed record TillShift(
    string StoreId, string DeviceId, DateOnly BusinessDate, DateTime OpenedAt, DateTime? ClosedAt, string? EmployeeId, decimal OpeningFloat,
    decimal CashTaken, decimal ChangeGiven, decimal CashRefunds, decimal PaidIn, decimal PaidOut, decimal Drops, decimal? Counted,
    decimal? PreviousClose)
{
    public decimal Expected => OpeningFloat + CashTaken - ChangeGiven - CashRefunds + PaidIn - PaidOut - Drops;

    public decimal? OverShort => Counted - Expected;

    public decimal? OpeningDifference => OpeningFloat - PreviousClose;
}
