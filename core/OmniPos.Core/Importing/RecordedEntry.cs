namespace OmniPos.Core.Importing;

/// <summary>A processor record with its record seq: its place in the order records of its kind were recorded.</summary>
public sealed record RecordedEntry<T>(long Seq, T Record) where T : ProcessorRecord;
