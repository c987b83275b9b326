namespace OmniPos.Jobs;

/// <summary>The data directory the server runs over (the warehouse, the lake, jobs.db).</summary>
public sealed record DataFolder(string Path);
