namespace OmniPos.Warehouse.LossPrevention;

/// <summary>One subject's business day in the figures of its <see cref="BehaviourGrain"/>, with the events behind the figures that stand out.</summary>
public sealed record BehaviourDay(string StoreId, string SubjectKind, string Subject, DateOnly BusinessDate, double[] Features, IReadOnlyList<long> Evidence);
