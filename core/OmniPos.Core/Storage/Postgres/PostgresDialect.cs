using System.Collections.Concurrent;
using System.Text;

namespace OmniPos.Core.Storage.Postgres;

/// <summary>
/// PostgreSQL is a round trip away, so rows go as one array per column, unnested into a single INSERT whose text is the
/// same for any number of rows (and so is prepared once); a group whose facts the catalog cache holds writes all its tables
/// in one statement (see <see cref="AddWritesAtOnce"/>). An append transaction starts by taking the seq barrier lock
/// (see <see cref="PostgresOperationalStore.ReadEventsAsync"/>), and rows to be changed are locked as they are read.
/// </summary>
internal sealed class PostgresDialect : SqlDialect
{
    private readonly ConcurrentDictionary<string, string> _atOnceTexts = new();

    private PostgresDialect()
    {
    }

    public static PostgresDialect Instance { get; } = new();

    public override string LockRowsSuffix => " FOR UPDATE";

    /// <summary>The seq barrier, shared, before any seq is taken; its one row is of no interest.</summary>
    public override void OpenTransaction(SqlBatch batch) =>
        batch.AddQuery($"SELECT pg_advisory_xact_lock_shared({PostgresOperationalStore.SeqBarrierLock})", _ => { });

    /// <summary>From the events sequence, one seq per run, after the seq barrier lock (see <see cref="OpenTransaction"/>); seqs left unused are gaps.</summary>
    public override string FreshSeqs =>
        "SELECT nextval(pg_get_serial_sequence('events', 'seq')), 1 FROM generate_series(1, @count) ORDER BY 1";

    // Imports are rare bulk writes, so taking turns costs nothing that matters; the mode conflicts with itself and with
    // writers, not with readers.
    public override string? SerializeInsertsInto(string table) => $"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE";

    public override string IsIn(string column, string parameter) => $"{column} = ANY({parameter})";

    public override object ListValue(IEnumerable<string> values) => values.ToArray();

    public override void AddInsert(SqlBatch batch, TableRows rows)
    {
        var columns = rows.Shape.Columns;
        var arrays = string.Join(", ", columns.Select((c, i) => $"{rows.Shape.Parameters[i]}::{TypeName(c.Type)}[]"));
        var text = $"INSERT INTO {rows.Shape.Table} ({rows.Shape.ColumnList}) SELECT * FROM unnest({arrays}){rows.Shape.Suffix}";
        batch.Add(new SqlStatement(text, [.. columns.Select((c, i) => Sql.P(rows.Shape.Parameters[i], ColumnValues(rows.Rows, i, c.Type)))]));
    }

    public override bool WritesAtOnce => true;

    /// <summary>
    /// One statement of data-modifying WITH clauses, one per table, all run on one snapshot: the events' insert is guarded by
    /// the catalog version, and every other table's rows join the seqs it returned (by their event's place), so either all
    /// are written or none. Each combination of tables is one text, and its plan is made once: unlike a lookup, it does not
    /// depend on how large the tables are (measured: planning it afresh cost 180 µs, a third of running it).
    /// </summary>
    public override void AddWritesAtOnce(SqlBatch batch, IReadOnlyList<TableRows> tables, long catalogVersion, Action<long, long> written)
    {
        var text = _atOnceTexts.GetOrAdd(string.Join(' ', tables.Select(t => t.Shape.Table)), _ => AtOnceText([.. tables.Select(t => t.Shape)]));
        var parameters = tables.SelectMany((rows, t) => rows.Shape.Columns.Select((c, i) => Sql.P(AtOnceParameter(t, i), ColumnValues(rows.Rows, i, c.Type))));
        batch.Add("SET LOCAL plan_cache_mode = force_generic_plan");
        batch.AddQuery(new SqlStatement(text, [.. parameters, Sql.P("@catalog_version", catalogVersion)]), r => written(r.GetInt64(0), r.GetInt64(1)));
    }

    private static string AtOnceText(IReadOnlyList<TableShape> shapes)
    {
        var events = shapes[0];
        var (place, eventId) = (ColumnIndex(events, "seq"), ColumnIndex(events, "event_id"));
        var eventColumns = Enumerable.Range(0, events.Columns.Count).Where(i => i != place).ToList();
        var clauses = new List<string>
        {
            $"written AS (INSERT INTO events ({string.Join(", ", eventColumns.Select(i => events.Columns[i].Name))}) "
                + $"SELECT {string.Join(", ", eventColumns.Select(i => $"u.c{i}"))} FROM {Unnest(0, events, eventColumns)} "
                + "WHERE EXISTS (SELECT FROM catalog_version WHERE version = @catalog_version) RETURNING seq, event_id)",
            $"seqs AS (SELECT u.c{place} AS place, w.seq FROM written w JOIN {Unnest(0, events, [place, eventId])} ON u.c{eventId} = w.event_id)",
        };
        for (var t = 1; t < shapes.Count; t++)
        {
            var shape = shapes[t];
            var all = Enumerable.Range(0, shape.Columns.Count).ToList();
            var seq = shape.Columns.ToList().FindIndex(c => c.Type == ColumnType.Seq);
            var rows = seq < 0
                ? $"SELECT u.* FROM {Unnest(t, shape, all)} WHERE EXISTS (SELECT FROM seqs)"
                : $"SELECT {string.Join(", ", all.Select(i => i == seq ? "s.seq" : $"u.c{i}"))} FROM {Unnest(t, shape, all)} JOIN seqs s ON s.place = u.c{seq}";
            clauses.Add($"t{t} AS (INSERT INTO {shape.Table} ({shape.ColumnList}) {rows}{shape.Suffix})");
        }

        return $"WITH {string.Join(", ", clauses)} SELECT place, seq FROM seqs";
    }

    /// <summary>The table's arrays (the columns named by index) as rows <c>u</c> with columns <c>c{index}</c>.</summary>
    private static string Unnest(int table, TableShape shape, IReadOnlyList<int> columns) =>
        $"unnest({string.Join(", ", columns.Select(i => $"{AtOnceParameter(table, i)}::{TypeName(shape.Columns[i].Type)}[]"))}) "
        + $"AS u({string.Join(", ", columns.Select(i => $"c{i}"))})";

    private static string AtOnceParameter(int table, int column) => $"@t{table}c{column}";

    private static int ColumnIndex(TableShape shape, string name) =>
        shape.Columns.ToList().FindIndex(c => c.Name == name) is >= 0 and var i ? i : throw new ArgumentException($"{shape.Table} has no column {name}", nameof(shape));

    private static string TypeName(ColumnType type) => type switch
    {
        ColumnType.Text or ColumnType.Utf8Text => "text",
        ColumnType.Integer => "integer",
        ColumnType.Seq => "bigint",
        ColumnType.Amount => "numeric",
        ColumnType.Timestamp => "timestamptz",
        ColumnType.Flag => "boolean",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static Array ColumnValues(IReadOnlyList<object?[]> rows, int column, ColumnType type) => type switch
    {
        ColumnType.Text => rows.Select(r => (string?)r[column]).ToArray(),
        ColumnType.Utf8Text => rows.Select(r => r[column] is byte[] utf8 ? Encoding.UTF8.GetString(utf8) : null).ToArray(),
        ColumnType.Integer => rows.Select(r => (int?)r[column]).ToArray(),
        ColumnType.Seq => rows.Select(r => (long)r[column]!).ToArray(),
        ColumnType.Amount => rows.Select(r => (decimal?)r[column]).ToArray(),
        ColumnType.Timestamp => rows.Select(r => (DateTime?)r[column]).ToArray(),
        ColumnType.Flag => rows.Select(r => (bool?)r[column]).ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
