using OmniPos.Warehouse.DuckDb;

namespace OmniPos.Warehouse.Lake;

/// <summary>
/// Merges the part files of each table and business date into one when there are several (every landing run adds one
/// per date it touched). The merged file is written under a temporary name and renamed; one transaction then swaps the
/// manifest rows; the old files are deleted last. Interrupted anywhere, the lake still holds each row once: before the
/// swap the merged file is not recorded, after it the old ones are not, and unrecorded files are removed.
/// </summary>
internal sealed class LakeCompaction(DuckDbConnection connection, LakeFiles lake)
{
    /// <returns>The partitions merged and the files they had.</returns>
    public (int Partitions, int FilesMerged) Run(int minimumFiles, CancellationToken cancellationToken)
    {
        lake.RemoveUnrecorded(Manifest.RecordedPaths(connection));
        var partitions = Partitions(minimumFiles);
        var merged = 0;
        foreach (var partition in partitions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Merge(partition);
            merged += partition.Files.Count;
        }

        return (partitions.Count, merged);
    }

    private List<Partition> Partitions(int minimumFiles)
    {
        using var statement = connection.Prepare("""
            SELECT lake_table, business_date, feed, list(path ORDER BY first_seq), min(first_seq), max(last_seq), sum(row_count)
            FROM lake_manifest GROUP BY lake_table, business_date, feed HAVING count(*) >= $1 ORDER BY 1, 2
            """);
        using var reader = statement.BindAll(minimumFiles).Query();
        return reader.ReadAll(r => new Partition(r.GetString(0), r.GetDate(1), r.GetString(2), r.GetList(3, static (v, i) => v.GetString(i)),
            r.GetInt64(4), r.GetInt64(5), r.GetInt64(6)));
    }

    private void Merge(Partition partition)
    {
        var target = LakeFiles.PartPath(partition.Table, partition.Date, partition.FirstSeq, partition.LastSeq);
        var temporary = lake.FullPath(target) + LakeFiles.TemporarySuffix;
        var sources = string.Join(", ", partition.Files.Select(f => LandingRun.Quote(lake.FullPath(f))));
        connection.Execute($"""
            COPY (SELECT * FROM read_parquet([{sources}]) ORDER BY seq)
            TO {LandingRun.Quote(temporary)} (FORMAT PARQUET, COMPRESSION ZSTD)
            """);
        File.Move(temporary, lake.FullPath(target));
        connection.InTransaction(() =>
        {
            using var remove = connection.Prepare("DELETE FROM lake_manifest WHERE path = $1");
            foreach (var file in partition.Files)
            {
                remove.BindAll(file).Execute();
            }

            Manifest.Record(connection, partition.Feed, [(target, partition.Table, partition.Date, partition.FirstSeq, partition.LastSeq, partition.Rows)]);
            return true;
        });
        foreach (var file in partition.Files)
        {
            File.Delete(lake.FullPath(file));
        }
    }

    private sealed record Partition(string Table, DateOnly Date, string Feed, IReadOnlyList<string> Files, long FirstSeq, long LastSeq, long Rows);
}
