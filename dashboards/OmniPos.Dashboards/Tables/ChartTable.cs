using System.Globalization;
using System.Text;

namespace OmniPos.Dashboards.Tables;

/// <summary>
/// What a chart draws, as the rows of a table: the page reads it as JSON, and the chart's download is the same table as
/// CSV (RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled; numbers in invariant culture).
/// </summary>
public sealed record ChartTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public string ToCsv()
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Columns.Select(Field)).Append("\r\n");
        foreach (var row in Rows)
        {
            csv.AppendJoin(',', row.Select(Field)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
