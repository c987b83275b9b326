using System.Text.Json;
using OmniPos.TestServers;

namespace OmniPos.Warehouse.Tests.Support;

/// <summary>
/// scripts/read-parquet.mjs run by node: a second Parquet reader (hyparquet, pure JavaScript) that shares no code with
/// DuckDB. node_modules is installed by <c>make test</c> (scripts/ensure-npm.sh).
/// </summary>
internal static class HyparquetReader
{
    /// <summary>Why the reader cannot run here (no node on the PATH, hyparquet not installed), or null when it can.</summary>
    public static string? Missing { get; } = FindMissing();

    /// <summary>The file as the script prints it: the footer's row count, the columns in file order, each row's values as JSON.</summary>
    public static async Task<(long Rows, IReadOnlyList<string> Columns, IReadOnlyList<JsonElement[]> Data)> ReadAsync(string file)
    {
        using var json = JsonDocument.Parse(await NodeScript.RunAsync("read-parquet.mjs", file));
        var root = json.RootElement;
        return (root.GetProperty("rows").GetInt64(),
            [.. root.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!)],
            [.. root.GetProperty("data").EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.Clone()).ToArray())]);
    }

    private static string? FindMissing()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        if (!path.Split(Path.PathSeparator).Any(folder => File.Exists(Path.Combine(folder, "node")) || File.Exists(Path.Combine(folder, "node.exe"))))
        {
            return "node is not on the PATH";
        }

        var hyparquet = Path.Combine(RepositoryRoot.Path, "node_modules", "hyparquet", "package.json");
        return File.Exists(hyparquet) ? null : $"hyparquet is not installed ({hyparquet} is missing; make test installs it)";
    }
}
