using System.Text;
using System.Text.RegularExpressions;

namespace OmniPos.Bench.Dashboards;

/// <summary>
/// The warehouse's query SQL made PostgreSQL's, mechanically, so both engines run the same text: comments are dropped;
/// <c>list_contains($list, x)</c> becomes <c>x = ANY(@list)</c> and <c>$name</c> Npgsql's <c>@name</c>; <c>arg_max(x, y)</c> becomes <c>(array_agg(x ORDER BY y DESC))[1]</c>; and
/// <c>ASOF [LEFT] JOIN t i ON … AND x &gt; i.d</c> (the row of t with the greatest <c>i.d</c> below x; likewise
/// <c>&gt;=</c>, and <c>&lt;</c> or <c>&lt;=</c> for the least above) becomes the <c>[LEFT] JOIN LATERAL</c> that picks
/// that row. The rest of what the queries use (FILTER, window functions, <c>::DATE</c>,
/// <c>(array_agg(…))[1]</c>, date arithmetic) PostgreSQL reads as DuckDB does; DuckDB-only syntax with no mechanical
/// rewrite is refused, so a query that starts using it fails its row instead of being measured as something else.
/// </summary>
internal static partial class PostgresQueryText
{
    private const string ListContains = "list_contains(";
    private static readonly string[] Untranslated = ["GROUP BY ALL", "SEMI JOIN", "ANTI JOIN", "QUALIFY", "EXCLUDE", "list_", "ASOF", "arg_max", "arg_min"];

    public static string Translate(string duckDbSql)
    {
        var sql = Comment().Replace(duckDbSql, "");
        sql = RewriteListContains(sql);
        sql = ArgMax().Replace(sql, "(array_agg(${value} ORDER BY ${by} DESC))[1]");
        sql = AsofJoin().Replace(sql, m =>
            $"{m.Groups["left_join"].Value}JOIN LATERAL (SELECT * FROM {m.Groups["table"]} {m.Groups["alias"]} WHERE {m.Groups["on"]} AND "
            + $"{m.Groups["left"]} {m.Groups["op"]} {m.Groups["right"]} ORDER BY {m.Groups["right"]} {(m.Groups["op"].Value[0] == '>' ? "DESC" : "ASC")} "
            + $"LIMIT 1) {m.Groups["alias"]} ON true");
        if (Untranslated.FirstOrDefault(s => sql.Contains(s, StringComparison.OrdinalIgnoreCase)) is { } unsupported)
        {
            throw new NotSupportedException($"the query uses {unsupported}, which the bench does not translate for PostgreSQL");
        }

        return Parameter().Replace(sql, "@$1");
    }

    /// <summary>The parameters the translated text names, each once.</summary>
    public static IReadOnlyList<string> ParameterNames(string postgresSql) =>
        [.. NamedParameter().Matches(postgresSql).Select(m => m.Groups[1].Value).Distinct()];

    /// <summary>The PostgreSQL type that holds the values of a DuckDB type.</summary>
    public static string Type(string duckDbType) => duckDbType switch
    {
        "VARCHAR" => "text",
        "VARCHAR[]" => "text[]",
        "BIGINT" => "bigint",
        "INTEGER" => "integer",
        "BOOLEAN" => "boolean",
        "DATE" => "date",
        "TIMESTAMP WITH TIME ZONE" => "timestamptz",
        "DOUBLE" => "double precision",
        _ when duckDbType.StartsWith("DECIMAL", StringComparison.Ordinal) => duckDbType.Replace("DECIMAL", "numeric", StringComparison.Ordinal),
        _ => throw new NotSupportedException($"no PostgreSQL type for DuckDB's {duckDbType}"),
    };

    private static string RewriteListContains(string sql)
    {
        var text = new StringBuilder();
        var at = 0;
        for (var start = sql.IndexOf(ListContains, StringComparison.Ordinal); start >= 0; start = sql.IndexOf(ListContains, at, StringComparison.Ordinal))
        {
            var (list, afterList) = Argument(sql, start + ListContains.Length, ',');
            var (value, afterValue) = Argument(sql, afterList + 1, ')');
            text.Append(sql, at, start - at).Append('(').Append(value.Trim()).Append(" = ANY(").Append(list.Trim()).Append("))");
            at = afterValue + 1;
        }

        return text.Append(sql, at, sql.Length - at).ToString();
    }

    /// <summary>The text from <paramref name="from"/> up to the first <paramref name="end"/> outside parentheses, and where that is.</summary>
    private static (string Text, int End) Argument(string sql, int from, char end)
    {
        var depth = 0;
        for (var i = from; i < sql.Length; i++)
        {
            if (depth == 0 && sql[i] == end)
            {
                return (sql[from..i], i);
            }

            depth += sql[i] switch { '(' => 1, ')' => -1, _ => 0 };
        }

        throw new FormatException($"list_contains at {from} is not closed");
    }

    /// <summary>An ASOF join whose ON clause is equalities then one comparison with the joined table's column, closing its CTE.</summary>
    [GeneratedRegex(@"ASOF (?<left_join>LEFT )?JOIN (?<table>\w+) (?<alias>\w+) ON (?<on>[^()]*?) AND (?<left>[^()]*?) (?<op>>=|>|<=|<) (?<right>\k<alias>\.\w+)(?=\))")]
    private static partial Regex AsofJoin();

    /// <summary>arg_max of two plain columns or expressions without parentheses.</summary>
    [GeneratedRegex(@"\barg_max\((?<value>[^(),]+),\s*(?<by>[^(),]+)\)")]
    private static partial Regex ArgMax();

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex Comment();

    [GeneratedRegex(@"\$([a-z_]+)")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"@([a-z_]+)")]
    private static partial Regex NamedParameter();
}
