namespace OmniPos.Warehouse.LossPrevention;

/// <summary>
/// What one exception rule found: the case's store, subject (an employee, device or card) and business day, the rule's
/// <see cref="Measure"/> (voided lines, override depth, no-sales, refunds, cards, orders: see the rule), the money at
/// risk, the amount that gives it context, and the events that show it (their log <c>seq</c>, the one that starts the
/// case first).
/// </summary>
public sealed record ExceptionFinding(
    string Rule,
    string StoreId,
    string SubjectKind,
    string Subject,
    DateOnly BusinessDate,
    double Measure,
    decimal Exposure,
    decimal ContextAmount,
    IReadOnlyList<long> Evidence);
