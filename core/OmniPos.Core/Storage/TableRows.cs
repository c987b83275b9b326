namespace OmniPos.Core.Storage;

/// <summary>How a column's values travel to the engine: string, int, long, decimal, UTC DateTime, bool, UTF-8 text.</summary>
internal enum ColumnType
{
    Text,

    /// <summary>Text held as its UTF-8 bytes (an event's canonical JSON, made as bytes), stored as text like any other.</summary>
    Utf8Text,
    Integer,
    Seq,
    Amount,
    Timestamp,
    Flag,
}

internal sealed record Column(string Name, ColumnType Type);

/// <summary>A table as the ledger inserts into it: its columns in row order, and what follows the rows (an ON CONFLICT clause).</summary>
internal sealed record TableShape(string Table, IReadOnlyList<Column> Columns, string Suffix = "")
{
    public string ColumnList { get; } = string.Join(", ", Columns.Select(c => c.Name));

    /// <summary>A parameter name per column, in column order (made once: a group binds about a thousand values).</summary>
    public IReadOnlyList<string> Parameters { get; } = [.. Columns.Select((_, i) => $"@c{i}")];
}

/// <summary>Rows bound for one table, each value in its column's order and type (string, int, long seq, decimal, UTC DateTime, bool, UTF-8 bytes or null).</summary>
internal sealed class TableRows(TableShape shape)
{
    private readonly List<object?[]> _rows = [];

    public TableShape Shape => shape;

    public IReadOnlyList<object?[]> Rows => _rows;

    public void Add(params object?[] row)
    {
        if (row.Length != shape.Columns.Count)
        {
            throw new ArgumentException($"{shape.Table} takes {shape.Columns.Count} values per row, not {row.Length}", nameof(row));
        }

        _rows.Add(row);
    }
}
