namespace OmniPos.Core.Storage.Postgres;

/// <summary>
/// PostgreSQL is a round trip away, so rows go as one array per column, unnested into a single INSERT whose text is the
/// same for any number of rows (and so is prepared once). An append transaction starts by taking the seq barrier lock
/// (see <see cref="PostgresOperationalStore.ReadEventsAsync"/>), and rows to be changed are locked as they are read.
/// </summary>
internal sealed class PostgresDialect : SqlDialect
{
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

    public override string IsIn(string column, string parameter) => $"{column} = ANY({parameter})";

    public override object ListValue(IEnumerable<string> values) => values.ToArray();

    public override IEnumerable<SqlStatement> Insert(TableRows rows)
    {
        var columns = rows.Shape.Columns;
        var arrays = string.Join(", ", columns.Select((c, i) => $"{rows.Shape.Parameters[i]}::{TypeName(c.Type)}[]"));
        var text = $"INSERT INTO {rows.Shape.Table} ({rows.Shape.ColumnList}) SELECT * FROM unnest({arrays}){rows.Shape.Suffix}";
        yield return new SqlStatement(text, [.. columns.Select((c, i) => Sql.P(rows.Shape.Parameters[i], ColumnValues(rows.Rows, i, c.Type)))]);
    }

    private static string TypeName(ColumnType type) => type switch
    {
        ColumnType.Text => "text",
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
        ColumnType.Integer => rows.Select(r => (int?)r[column]).ToArray(),
        ColumnType.Seq => rows.Select(r => (long)r[column]!).ToArray(),
        ColumnType.Amount => rows.Select(r => (decimal?)r[column]).ToArray(),
        ColumnType.Timestamp => rows.Select(r => (DateTime?)r[column]).ToArray(),
        ColumnType.Flag => rows.Select(r => (bool?)r[column]).ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
