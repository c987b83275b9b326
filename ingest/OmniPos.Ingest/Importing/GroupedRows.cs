namespace OmniPos.Ingest.Importing;

/// <summary>
/// Rows gathered into groups by a key (an invoice, an order), in the order each group first appears, with the rows that
/// could not be read; a group whose every row was refused still counts as a group of the file.
/// </summary>
internal sealed class GroupedRows<TLine>(string keyField)
{
    private readonly Dictionary<string, List<(int Line, TLine Value)>> _groups = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly List<RowRefusal> _refusals = [];

    /// <summary>The first refused row of each group that has one.</summary>
    private readonly Dictionary<string, int> _firstRefused = new(StringComparer.Ordinal);
    private int _rows;

    /// <summary>
    /// Reads every row into the group its <paramref name="keyColumn"/> names, as <paramref name="read"/> makes it of the key
    /// and the row's fields; a row whose key is blank, or that <paramref name="read"/> refused, is refused.
    /// </summary>
    public static GroupedRows<TLine> Read(IEnumerable<CsvRow> rows, IReadOnlyList<string> header, int keyColumn, Func<string, RowFields, TLine> read)
    {
        var groups = new GroupedRows<TLine>(header[keyColumn]);
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
            _firstRefused.TryAdd(key, line);
        }
    }

    /// <summary>Counts a row that names no group it could join (its key did not read).</summary>
    private void Refuse(RowRefusal refusal)
    {
        _rows++;
        _refusals.Add(refusal);
    }

    /// <summary>Each group with a row left, made into its unit: for files whose groups go in without the rows refused (an invoice without its postage).</summary>
    public ImportPlan<T> Plan<T>(Func<string, IReadOnlyList<(int Line, TLine Value)>, (T Item, string Type)> build) =>
        new(_rows, _order.Count, Units(build, _order), _refusals);

    /// <summary>
    /// Each group none of whose rows was refused, made into its unit: for files whose groups go in whole or not at all (an
    /// order is one sale, and a sale without one of its lines would be recorded for good under the order's event id). The
    /// rows left of a group with a refused row are refused too, naming that row.
    /// </summary>
    public ImportPlan<T> PlanWholeGroups<T>(Func<string, IReadOnlyList<(int Line, TLine Value)>, (T Item, string Type)> build)
    {
        var withoutGroup = _firstRefused.SelectMany(g => _groups[g.Key].Select(l => new RowRefusal(l.Line, keyField, ImportRules.GroupIncomplete,
            $"line {g.Value} of {keyField} {g.Key} was refused, so none of its rows goes in")));
        return new(_rows, _order.Count, Units(build, _order.Where(k => !_firstRefused.ContainsKey(k))), [.. _refusals.Concat(withoutGroup).OrderBy(r => r.Line)]);
    }

    private List<ImportUnit<T>> Units<T>(Func<string, IReadOnlyList<(int Line, TLine Value)>, (T Item, string Type)> build, IEnumerable<string> keys) =>
        [.. keys.Where(k => _groups[k].Count > 0).Select(k =>
        {
            var (item, type) = build(k, _groups[k]);
            return new ImportUnit<T>(item, type, [.. _groups[k].Select(l => l.Line)]);
        })];
}
