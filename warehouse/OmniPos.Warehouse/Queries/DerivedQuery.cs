using OmniPos.Warehouse.DuckDb;

namespace OmniPos.Warehouse.Queries;

/// <summary>A query whose rows are computed from another's: sums at another level, or a summary of items.</summary>
public sealed class DerivedQuery<TSource, TRow> : AnalyticQuery where TSource : notnull where TRow : notnull
{
    private readonly AnalyticQuery<TSource> _source;
    private readonly Func<IReadOnlyList<TSource>, QueryFilter, IReadOnlyList<TRow>> _derive;

    internal DerivedQuery(string name, string summary, AnalyticQuery<TSource> source, Func<IReadOnlyList<TSource>, QueryFilter, IReadOnlyList<TRow>> derive)
        : base(name, summary, source.Name)
    {
        _source = source;
        _derive = derive;
    }

    public override Type RowType => typeof(TRow);

    internal IReadOnlyList<TRow> Run(DuckDbConnection connection, QueryFilter filter, CancellationToken cancellationToken) =>
        _derive(_source.Run(connection, filter, cancellationToken), filter);

    internal override IReadOnlyList<object> RunUntyped(DuckDbConnection connection, QueryFilter filter, CancellationToken cancellationToken) =>
        [.. Run(connection, filter, cancellationToken).Cast<object>()];
}
