using OmniPos.Warehouse.DuckDb;
using OmniPos.Warehouse.Schema;

namespace OmniPos.Warehouse.Queries;

/// <summary>A named query of the library: its SQL (Queries/Sql/&lt;name&gt;.sql) and how a result row becomes a typed row.</summary>
public abstract class AnalyticQuery
{
    private readonly Lazy<string> _sql;

    private protected AnalyticQuery(string name, string summary)
    {
        Name = name;
        Summary = summary;
        _sql = new Lazy<string>(() => EmbeddedSql.Read($"Queries/Sql/{name}.sql"));
    }

    public string Name { get; }

    public string Summary { get; }

    /// <summary>The SQL as warehouse.duckdb runs it, with <c>$from</c>, <c>$through</c>, <c>$stores</c>, <c>$channels</c>, <c>$categories</c>, <c>$as_of</c> and <c>$level</c> parameters.</summary>
    public string Sql => _sql.Value;

    /// <summary>The rows as objects of the query's row type, for output that lists any query's columns.</summary>
    internal abstract IReadOnlyList<object> RunUntyped(DuckDbConnection connection, QueryFilter filter, CancellationToken cancellationToken);

    /// <summary>The row type's public properties: the columns of the query's output, in order.</summary>
    public abstract Type RowType { get; }
}

/// <summary>An analytic query whose rows are <typeparamref name="TRow"/>.</summary>
public sealed class AnalyticQuery<TRow> : AnalyticQuery where TRow : notnull
{
    private readonly Func<DuckDbReader, QueryFilter, TRow> _map;

    internal AnalyticQuery(string name, string summary, Func<DuckDbReader, TRow> map) : this(name, summary, (r, _) => map(r))
    {
    }

    /// <param name="map">A row from the reader, for rows that also state something of the filter they were asked with.</param>
    internal AnalyticQuery(string name, string summary, Func<DuckDbReader, QueryFilter, TRow> map) : base(name, summary) => _map = map;

    public override Type RowType => typeof(TRow);

    internal IReadOnlyList<TRow> Run(DuckDbConnection connection, QueryFilter filter, CancellationToken cancellationToken)
    {
        using var statement = connection.Prepare(Sql);
        foreach (var name in statement.ParameterNames.Distinct())
        {
            statement.Bind(name, filter.Parameter(name));
        }

        using var reader = statement.Query(cancellationToken);
        return reader.ReadAll(r => _map(r, filter));
    }

    internal override IReadOnlyList<object> RunUntyped(DuckDbConnection connection, QueryFilter filter, CancellationToken cancellationToken) =>
        [.. Run(connection, filter, cancellationToken).Cast<object>()];
}
