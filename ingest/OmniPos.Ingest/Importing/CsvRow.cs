namespace OmniPos.Ingest.Importing;

/// <summary>One record of a CSV file: the line it starts on (the header is line 1), its fields, and its raw text.</summary>
internal sealed record CsvRow(int Line, IReadOnlyList<string> Fields, string Text)
{
    /// <summary>The field at <paramref name="index"/>, or empty when the row is shorter.</summary>
    public string this[int index] => index < Fields.Count ? Fields[index] : "";
}
