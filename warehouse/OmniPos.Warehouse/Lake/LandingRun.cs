using OmniPos.Warehouse.DuckDb;

namespace OmniPos.Warehouse.Lake;

/// <summary>
/// One run of one feed: its staging tables (made when the run starts, filled by the caller), then <see cref="Finish"/>:
/// a Parquet file per table and business date under the staging folder, renamed into place, and one transaction that
/// records them in the manifest, moves the facts from staging, refreshes the marts and moves the watermark.
/// </summary>
internal sealed class LandingRun
{
    private readonly DuckDbConnection _connection;
    private readonly LakeFiles _lake;
    private readonly string _feed;
    private readonly long _firstSeq;
    private readonly long _lastSeq;
    private readonly int _records;
    private readonly IReadOnlyList<string> _tables;
    private readonly Action<LandingProgress>? _progress;

    public LandingRun(DuckDbConnection connection, LakeFiles lake, string feed, long firstSeq, long lastSeq, int records,
        IReadOnlyList<string> tables, Action<LandingProgress>? progress)
    {
        (_connection, _lake, _feed, _firstSeq, _lastSeq, _records, _tables, _progress) = (connection, lake, feed, firstSeq, lastSeq, records, tables, progress);
        foreach (var table in tables)
        {
            connection.Execute($"CREATE OR REPLACE TEMP TABLE {FactTables.Staging(table)} AS SELECT * FROM {table} LIMIT 0");
        }
    }

    /// <summary>Lands the staged rows; <paramref name="refreshMarts"/> runs inside the committing transaction.</summary>
    /// <returns>The fact rows and files landed.</returns>
    public (long Rows, int Files) Finish(Action? refreshMarts)
    {
        var parts = StagedParts();
        var rows = parts.Sum(p => p.Rows);
        Report(LandingStep.Staged, rows);

        var staging = _lake.NewStagingFolder(_firstSeq, _lastSeq);
        var files = WriteParts(staging, parts);
        Report(LandingStep.FilesWritten, rows);
        foreach (var part in parts)
        {
            _lake.Place(files[part], part.Path);
        }

        Report(LandingStep.FilesRenamed, rows);
        _connection.InTransaction(() =>
        {
            Manifest.Record(_connection, _feed, parts.Select(p => (p.Path, p.Table, p.Date, _firstSeq, _lastSeq, p.Rows)));
            foreach (var table in _tables)
            {
                _connection.Execute($"INSERT INTO {table} SELECT * FROM {FactTables.Staging(table)}");
            }

            refreshMarts?.Invoke();
            Watermarks.Move(_connection, _feed, _firstSeq, _lastSeq);
            return true;
        });
        Report(LandingStep.Committed, rows);

        // One landing runs at a time per warehouse, so nothing else is using the staging folder.
        Directory.Delete(_lake.Staging, recursive: true);

        foreach (var table in _tables)
        {
            _connection.Execute($"DROP TABLE {FactTables.Staging(table)}");
        }

        return (rows, parts.Count);
    }

    private List<StagedPart> StagedParts()
    {
        var parts = new List<StagedPart>();
        foreach (var table in _tables)
        {
            using var reader = _connection.Query($"SELECT business_date, count(*) FROM {FactTables.Staging(table)} GROUP BY 1 ORDER BY 1");
            while (reader.Read())
            {
                var date = reader.GetDate(0);
                parts.Add(new StagedPart(table, date, reader.GetInt64(1), LakeFiles.PartPath(table, date, _firstSeq, _lastSeq)));
            }
        }

        return parts;
    }

    /// <summary>
    /// Writes each table's staged rows with one COPY partitioned by business date, into a folder per date under the staging
    /// folder. The warehouse lets a partitioned COPY keep every date open and flush only at its end (<see
    /// cref="AnalyticsWarehouse.Open"/>), so each date gets one file; should DuckDB still split one, that date is written
    /// again by a COPY of its own.
    /// </summary>
    /// <returns>Each part's file.</returns>
    private Dictionary<StagedPart, string> WriteParts(string staging, List<StagedPart> parts)
    {
        foreach (var table in parts.Select(p => p.Table).Distinct())
        {
            _connection.Execute($"""
                COPY (SELECT *, business_date AS date FROM {FactTables.Staging(table)} ORDER BY seq) TO {Quote(Path.Combine(staging, table))}
                (FORMAT PARQUET, COMPRESSION ZSTD, PARTITION_BY (date))
                """);
        }

        var files = new Dictionary<StagedPart, string>();
        foreach (var part in parts)
        {
            var folder = Path.Combine(staging, part.Table, $"date={LakeFiles.DateText(part.Date)}");
            var written = Directory.GetFiles(folder);
            if (written.Length == 1)
            {
                files[part] = written[0];
                continue;
            }

            Directory.Delete(folder, recursive: true);
            files[part] = Path.Combine(staging, $"{part.Table}-{LakeFiles.DateText(part.Date)}.parquet");
            _connection.Execute($"""
                COPY (SELECT * FROM {FactTables.Staging(part.Table)} WHERE business_date = DATE '{LakeFiles.DateText(part.Date)}' ORDER BY seq)
                TO {Quote(files[part])} (FORMAT PARQUET, COMPRESSION ZSTD)
                """);
        }

        return files;
    }

    private void Report(LandingStep step, long rows) => _progress?.Invoke(new LandingProgress(_feed, step, _firstSeq, _lastSeq, _records, rows));

    internal static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private sealed record StagedPart(string Table, DateOnly Date, long Rows, string Path);
}
