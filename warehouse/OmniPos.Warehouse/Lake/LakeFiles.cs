using System.Globalization;

namespace OmniPos.Warehouse.Lake;

/// <summary>
/// Where the lake's files live: <c>lake/&lt;table&gt;/date=YYYY-MM-DD/part-&lt;firstSeq&gt;-&lt;lastSeq&gt;.parquet</c>, written first
/// under <c>lake/_staging/</c> and then renamed into place. Paths the manifest records are relative to the lake's root.
/// </summary>
internal sealed class LakeFiles(string root)
{
    public const string StagingFolder = "_staging";
    public const string TemporarySuffix = ".tmp";

    public string Root { get; } = Path.GetFullPath(root);

    public string Staging => Path.Combine(Root, StagingFolder);

    /// <summary>The folder, made empty, a landing run writes its partitioned files to before they are renamed.</summary>
    public string NewStagingFolder(long firstSeq, long lastSeq)
    {
        var folder = Path.Combine(Staging, $"{firstSeq}-{lastSeq}");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        return folder;
    }

    public static string PartPath(string table, DateOnly date, long firstSeq, long lastSeq) =>
        $"{table}/date={DateText(date)}/part-{firstSeq}-{lastSeq}.parquet";

    /// <summary>A business date as the lake's names and SQL literals write it.</summary>
    public static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string FullPath(string relative) => Path.Combine(Root, relative);

    /// <summary>The Parquet files under the lake's tables, relative to its root, staging and temporary files left out.</summary>
    public IEnumerable<string> PartFiles() => !Directory.Exists(Root)
        ? []
        : Directory.EnumerateFiles(Root, "*.parquet", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(StagingFolder + "/", StringComparison.Ordinal));

    /// <summary>
    /// Removes what an interrupted landing or compaction left: the staging folder, temporary files, and every Parquet file
    /// the manifest does not record (renamed into place before the manifest row was committed, or replaced by compaction).
    /// Those files' rows are landed again, or are already in the files that replaced them.
    /// </summary>
    /// <returns>The files removed, relative to the root.</returns>
    public IReadOnlyList<string> RemoveUnrecorded(IReadOnlySet<string> recorded)
    {
        var removed = new List<string>();
        if (Directory.Exists(Staging))
        {
            Directory.Delete(Staging, recursive: true);
            removed.Add(StagingFolder + "/");
        }

        if (!Directory.Exists(Root))
        {
            return removed;
        }

        foreach (var temporary in Directory.EnumerateFiles(Root, "*" + TemporarySuffix, SearchOption.AllDirectories))
        {
            File.Delete(temporary);
            removed.Add(Path.GetRelativePath(Root, temporary));
        }

        foreach (var orphan in PartFiles().Where(f => !recorded.Contains(f)).ToList())
        {
            File.Delete(FullPath(orphan));
            removed.Add(orphan);
        }

        return removed;
    }

    /// <summary>Moves a finished file to its place, replacing nothing: a file already there would mean a seq range landed twice.</summary>
    public void Place(string source, string relative)
    {
        var target = FullPath(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(source, target, overwrite: false);
    }
}
