using System.Globalization;
using OmniPos.Core.Validation;

namespace OmniPos.Ingest.Importing;

/// <summary>
/// Reads the typed fields of one row by column; the first field that does not read becomes the row's
/// <see cref="Refusal"/>, naming the column, and every later read answers a default.
/// </summary>
internal sealed class RowFields(CsvRow row, IReadOnlyList<string> header)
{
    public RowRefusal? Refusal { get; private set; }

    /// <summary>The row's line in the file (the header is line 1).</summary>
    public int Line => row.Line;

    public void Refuse(int column, string rule, string message) => Refusal ??= new RowRefusal(row.Line, header[column], rule, message);

    public string Text(int column)
    {
        var value = row[column].Trim();
        if (value.Length == 0)
        {
            Refuse(column, Rules.Required, "is required and must not be blank");
        }

        return value;
    }

    public string? OptionalText(int column) => row[column].Trim() is { Length: > 0 } value ? value : null;

    public decimal Decimal(int column) =>
        Parse(column, (string s, out decimal v) => decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out v), "a decimal number such as 12.50");

    /// <summary>A decimal, or zero when the field is blank.</summary>
    public decimal DecimalOrZero(int column) => row[column].Trim().Length == 0 ? 0m : Decimal(column);

    public int Integer(int column) =>
        Parse(column, (string s, out int v) => int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v), "a whole number");

    public DateOnly Date(int column) =>
        Parse(column, (string s, out DateOnly v) => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out v), "a date as YYYY-MM-DD");

    /// <summary>A local time without offset (<c>YYYY-MM-DD HH:MM:SS</c>).</summary>
    public DateTime LocalTime(int column) =>
        Parse(column, (string s, out DateTime v) => DateTime.TryParseExact(s, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out v),
            "a local time as YYYY-MM-DD HH:MM:SS");

    /// <summary>An instant with its offset (<c>2026-11-23T14:05:00-05:00</c>); a bare local time is refused, as in events.</summary>
    public DateTimeOffset Instant(int column) =>
        Parse(column, (string s, out DateTimeOffset v) =>
        {
            v = default;
            return (s.EndsWith('Z') || (s.Length > 6 && s[^6] is '+' or '-'))
                && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out v);
        }, "an ISO 8601 timestamp with an offset, e.g. 2026-11-23T14:05:00-05:00");

    private delegate bool TryParse<TValue>(string text, out TValue value);

    private TValue Parse<TValue>(int column, TryParse<TValue> parse, string expected) where TValue : struct
    {
        var text = row[column].Trim();
        if (Refusal is not null)
        {
            return default;
        }

        if (!parse(text, out var value))
        {
            Refuse(column, Rules.Malformed, text.Length == 0 ? "is required and must not be blank" : $"must be {expected}");
        }

        return value;
    }
}
