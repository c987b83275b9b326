using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using OmniPos.TestServers;

namespace OmniPos.Dashboards.Tests.Support;

/// <summary>
/// A downloaded workbook as two readers see it that share no code with the Open XML SDK: SheetJS
/// (scripts/read-xlsx.mjs: each sheet's values and number formats) and the package's XML itself (its tables and panes).
/// </summary>
public sealed record WorkbookReader(string Name, JsonElement[][] Rows, string?[][] Formats, XDocument Sheet, IReadOnlyList<XDocument> Tables)
{
    public static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>The first sheet of the workbook, with the tables of the package.</summary>
    public static async Task<WorkbookReader> ReadAsync(string file)
    {
        using var json = JsonDocument.Parse(await NodeScript.RunAsync("read-xlsx.mjs", file));
        var sheet = json.RootElement.GetProperty("sheets")[0];
        using var package = ZipFile.OpenRead(file);
        XDocument Part(ZipArchiveEntry entry)
        {
            using var stream = entry.Open();
            return XDocument.Load(stream);
        }

        return new WorkbookReader(sheet.GetProperty("name").GetString()!,
            [.. sheet.GetProperty("rows").EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.Clone()).ToArray())],
            [.. sheet.GetProperty("formats").EnumerateArray().Select(row => row.EnumerateArray().Select(f => f.GetString()).ToArray())],
            Part(package.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))),
            [.. package.Entries.Where(e => e.FullName.StartsWith("xl/tables/", StringComparison.Ordinal)).Select(Part)]);
    }
}
