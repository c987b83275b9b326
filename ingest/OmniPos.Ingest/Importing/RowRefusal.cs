namespace OmniPos.Ingest.Importing;

/// <summary>A row of a file that went in not at all, and why: its line (the header is line 1), the column or event field, and the rule.</summary>
public sealed record RowRefusal(int Line, string Field, string Rule, string Message);
