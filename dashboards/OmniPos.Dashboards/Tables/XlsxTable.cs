using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OmniPos.Dashboards.Tables;

/// <summary>
/// A <see cref="ChartTable"/> as an Excel workbook of one sheet: a real Excel table (its header row, autofilter and
/// banded style), the header frozen, columns as wide as what they hold, days as dates, whole numbers with thousands
/// separators and the rest to two places. The rows are written one at a time (the Open XML SDK's SAX writer), so a long
/// table takes no more memory than a short one beside its rows.
/// </summary>
public static class XlsxTable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const int MaximumWidth = 60;

    private enum Style : uint { General, Whole, Decimal, Day }

    public static void Write(Stream output, string sheetName, ChartTable table)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        var lastCell = $"{ColumnName(table.Columns.Count - 1)}{table.Rows.Count + 1}";
        var definition = sheet.AddNewPart<TableDefinitionPart>();
        definition.Table = Definition(sheetName, table.Columns, $"A1:{lastCell}");
        using (var writer = OpenXmlWriter.Create(sheet))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteElement(new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            }) { TabSelected = true, WorkbookViewId = 0 }));
            writer.WriteElement(new Columns(Widths(table).Select((width, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true })));
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, 1, table.Columns);
            for (var row = 0; row < table.Rows.Count; row++)
            {
                WriteRow(writer, row + 2, table.Rows[row]);
            }

            writer.WriteEndElement();
            writer.WriteElement(new TableParts(new TablePart { Id = sheet.GetIdOfPart(definition) }) { Count = 1 });
            writer.WriteEndElement();
        }

        workbook.Workbook = new Workbook(new Sheets(new Sheet { Name = sheetName, SheetId = 1, Id = workbook.GetIdOfPart(sheet) }));
    }

    private static void WriteRow(OpenXmlWriter writer, int number, IEnumerable<object?> values)
    {
        writer.WriteStartElement(new Row { RowIndex = (uint)number });
        var column = 0;
        foreach (var value in values)
        {
            if (Cell(value) is { } cell)
            {
                cell.CellReference = $"{ColumnName(column)}{number}";
                writer.WriteElement(cell);
            }

            column++;
        }

        writer.WriteEndElement();
    }

    /// <summary>A value's cell: numbers and days as numbers in their style, text inline; none for null.</summary>
    private static Cell? Cell(object? value) => value switch
    {
        null => null,
        DateOnly day => Number(day.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture), Style.Day),
        int or long => Number(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture), Style.Whole),
        decimal or double or float => Number(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture), Style.Decimal),
        _ => new Cell(new InlineString(new Text(value.ToString() ?? ""))) { DataType = CellValues.InlineString },
    };

    private static Cell Number(string text, Style style) => new(new CellValue(text)) { StyleIndex = (uint)style };

    private static double[] Widths(ChartTable table) =>
        [.. table.Columns.Select((name, i) => (double)Math.Min(MaximumWidth, 2 + Math.Max(name.Length, table.Rows.Take(1000).Select(r => Shown(r[i]).Length).DefaultIfEmpty(0).Max())))];

    private static string Shown(object? value) => value switch
    {
        null => "",
        DateOnly => "2026-12-31",
        IFormattable number => number.ToString("N2", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static Table Definition(string name, IReadOnlyList<string> columns, string reference)
    {
        var tableName = new string([.. name.Where(char.IsLetterOrDigit)]);
        return new Table(
            new AutoFilter { Reference = reference },
            new TableColumns(columns.Select((column, i) => new TableColumn { Id = (uint)i + 1, Name = column })) { Count = (uint)columns.Count },
            new TableStyleInfo { Name = "TableStyleMedium2", ShowRowStripes = true, ShowColumnStripes = false, ShowFirstColumn = false, ShowLastColumn = false })
        {
            Id = 1, Name = tableName, DisplayName = tableName, Reference = reference, HeaderRowCount = 1,
        };
    }

    /// <summary>The styles of <see cref="Style"/>, in its order: general, #,##0 (3), #,##0.00 (4), and yyyy-mm-dd.</summary>
    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(new Font()) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 3, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 4, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }) { Count = 4 });

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}
