using System.Globalization;
using Spectre.Console;

namespace OmniPos.Bench;

/// <summary>The one table <c>make bench</c> prints; a failed row shows in red with its reason instead of numbers.</summary>
internal static class ResultTable
{
    public static Table Render(IEnumerable<ResultRow> rows)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Benchmark")
            .AddColumn("Store")
            .AddColumn(new TableColumn("Writers").RightAligned())
            .AddColumn(new TableColumn("Events").RightAligned())
            .AddColumn(new TableColumn("Events/s").RightAligned())
            .AddColumn(new TableColumn("p50 ms").RightAligned())
            .AddColumn(new TableColumn("p99 ms").RightAligned())
            .AddColumn("Notes");
        foreach (var row in rows)
        {
            if (row.Measured is { } m)
            {
                table.AddRow(
                    Markup.Escape(row.Benchmark), Markup.Escape(row.Store), Number(m.Writers), Number(m.Events), Number(m.EventsPerSecond),
                    Milliseconds(m.P50), Milliseconds(m.P99), Markup.Escape(row.Notes));
            }
            else
            {
                table.AddRow(Markup.Escape(row.Benchmark), Markup.Escape(row.Store), "—", "—", "—", "—", "—", $"[red]{Markup.Escape(row.Notes)}[/]");
            }
        }

        return table;
    }

    private static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Milliseconds(TimeSpan value) => value.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture);
}
