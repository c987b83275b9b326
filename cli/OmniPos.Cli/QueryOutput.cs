using System.Globalization;
using System.Reflection;
using System.Text.Json;
using OmniPos.Warehouse.Queries;
using Spectre.Console;

namespace OmniPos.Cli;

/// <summary>A query's rows as columns (its row type's public properties, snake_case) for a table, CSV or JSON.</summary>
internal sealed class QueryOutput
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly PropertyInfo[] _columns;
    private readonly IReadOnlyList<object> _rows;
    private readonly string _name;

    private QueryOutput(string name, PropertyInfo[] columns, IReadOnlyList<object> rows) => (_name, _columns, _rows) = (name, columns, rows);

    public static QueryOutput Of(AnalyticQuery query, IReadOnlyList<object> rows) =>
        new(query.Name, query.RowType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract").ToArray(), rows);

    public void WriteTable()
    {
        var table = new Table().Title(_name);
        foreach (var column in _columns)
        {
            table.AddColumn(new TableColumn(Header(column)) { Alignment = IsNumber(column) ? Justify.Right : Justify.Left });
        }

        foreach (var row in _rows)
        {
            table.AddRow(_columns.Select(c => Markup.Escape(Text(c.GetValue(row)))).ToArray());
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{_rows.Count:N0} rows");
    }

    public void WriteCsv(TextWriter writer)
    {
        writer.WriteLine(string.Join(',', _columns.Select(Header)));
        foreach (var row in _rows)
        {
            writer.WriteLine(string.Join(',', _columns.Select(c => Csv(Text(c.GetValue(row))))));
        }
    }

    public void WriteJson(Stream output)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        JsonSerializer.Serialize(writer, _rows.Select(r => _columns.ToDictionary(Header, c => c.GetValue(r))), Json);
        writer.Flush();
        output.WriteByte((byte)'\n');
    }

    private static string Header(PropertyInfo column) => JsonNamingPolicy.SnakeCaseLower.ConvertName(column.Name);

    private static bool IsNumber(PropertyInfo column) =>
        (Nullable.GetUnderlyingType(column.PropertyType) ?? column.PropertyType) is var t && (t == typeof(decimal) || t == typeof(long) || t == typeof(int));

    private static string Text(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        // The warehouse keeps four decimals; show cents, and the digits beyond them only where there are any.
        decimal m => m.ToString("0.00##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Csv(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
