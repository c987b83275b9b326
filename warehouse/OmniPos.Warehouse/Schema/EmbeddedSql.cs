namespace OmniPos.Warehouse.Schema;

/// <summary>
/// SQL kept beside the code that runs it, as .sql files embedded under their path in the project. A line
/// <c>.read &lt;path&gt;</c> (as in DuckDB's shell) stands for the text of that file, so two scripts can share a step.
/// </summary>
internal static class EmbeddedSql
{
    private const string ReadCommand = ".read ";

    public static string Read(string name)
    {
        using var stream = typeof(EmbeddedSql).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the SQL resource {name} is not embedded");
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n');
        return string.Join('\n', lines.Select(line => line.StartsWith(ReadCommand, StringComparison.Ordinal) ? Read(line[ReadCommand.Length..].Trim()) : line));
    }
}
