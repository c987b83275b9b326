using OmniPos.Warehouse.DuckDb;

namespace OmniPos.Warehouse.Lake;

/// <summary>The lake's manifest in warehouse.duckdb: the files that make up the lake, each with the seq range it holds.</summary>
internal static class Manifest
{
    public static HashSet<string> RecordedPaths(DuckDbConnection connection)
    {
        using var reader = connection.Query("SELECT path FROM lake_manifest");
        return [.. reader.ReadAll(r => r.GetString(0))];
    }

    public static void Record(DuckDbConnection connection, string feed,
        IEnumerable<(string Path, string Table, DateOnly Date, long FirstSeq, long LastSeq, long Rows)> files)
    {
        // A run records a file per table and date it touched, thousands for a year's late data: appended, not inserted one by one.
        var landedAt = DateTimeOffset.UtcNow;
        using var appender = connection.CreateAppender("lake_manifest");
        foreach (var file in files)
        {
            appender.Append(file.Path).Append(file.Table).Append(file.Date).Append(feed).Append(file.FirstSeq).Append(file.LastSeq)
                .Append(file.Rows).Append(landedAt).EndRow();
        }

        appender.Complete();
    }
}
