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
        using var insert = connection.Prepare("INSERT INTO lake_manifest VALUES ($1, $2, $3, $4, $5, $6, $7, now())");
        foreach (var file in files)
        {
            insert.BindAll(file.Path, file.Table, file.Date, feed, file.FirstSeq, file.LastSeq, file.Rows).Execute();
        }
    }
}
