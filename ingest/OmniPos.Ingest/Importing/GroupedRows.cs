namespace OmniPos.Ingest.Importing;

/// <summary>
/// Rows gathered into groups by a key (an invoice, an order), in the order each group first appears, with the rows that
/// could not be read; a group whose every row was refused still counts as a group of the file.
/// </summary>
internal sealed class GroupedRows<TLine>
{
    private readonly Dictionary<string, List<(int Line, TLine Value)>> _groups = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly List<RowRefusal> _refusals = [];
    private int _rows;

    /// <summary>
    /// Reads every row into the group its <paramref name="keyColumn"/> names, as <paramref name="read"/> makes it of the key
    /// and the row's fields; a row whose key is blank, or that <paramref name="read"/> refused, is refused.
    /// </summary>
    public static GroupedRows<TLine> Read(IEnumerable<CsvRow> rows, IReadOnlyList<string> header, int keyColumn, Func<string, RowFields, TLine> read)
    {
        var groups = new GroupedRows<TLine>();
        foreach (var row in rows)
        {
            var fields = new RowFields(row, header);
            var key = fields.Text(keyColumn);
            if (fields.Refusal is { } unreadable)
            {
                groups.Refuse(unreadable);
            }
            else
            {
                var line = read(key, fields);
                groups.Add(key, row.Line, line, fields.Refusal);
            }
        }

        return groups;
    }

    /// <summary>Counts the row in the group named by <paramref name="key"/>; its line goes in unless <paramref name="refusal"/> says otherwise.</summary>
    private void Add(string key, int line, TLine value, RowRefusal? refusal)
    {
        _rows++;
        if (!_groups.TryGetValue(key, out var lines))
        {
            _groups[key] = lines = [];
            _order.Add(key);
        }

        if (refusal is null)
        {
            lines.Add((line, value));
        }
        else
        {
            _refusals.Add(refusal);
        }
    }

    /// <summary>Counts a row that names no group it could join (its key did not read).</summary>
    private void Refuse(RowRefusal refusal)
    {
        _rows++;
        _refusals.Add(refusal);
    }

    /// <summary>Each group with a row left, made into its unit.</summary>
    public ImportPlan<T> Plan<T>(Func<string, IReadOnlyList<(int Line, TLine Value)>, (T Item, string Type)> build) =>
        new(_rows, _order.Count,
            [.. _order.Where(k => _groups[k].Count > 0).Select(k =>
            {
                var (item, type) = build(k, _groups[k]);
                return new ImportUnit<T>(item, type, [.. _groups[k].Select(l => l.Line)]);
            })],
            _refusals);
}
