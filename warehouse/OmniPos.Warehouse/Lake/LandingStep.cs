namespace OmniPos.Warehouse.Lake;

/// <summary>Where a landing run is; each step is durable when it is reported.</summary>
public enum LandingStep
{
    /// <summary>The run's rows are staged in DuckDB; nothing is on disk yet.</summary>
    Staged,

    /// <summary>The Parquet files are written under their temporary names.</summary>
    FilesWritten,

    /// <summary>The files have their final names; the manifest does not record them yet.</summary>
    FilesRenamed,

    /// <summary>The manifest, the facts, the marts and the watermark are committed together.</summary>
    Committed,
}
