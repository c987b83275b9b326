namespace OmniPos.Warehouse.Schema;

/// <summary>SQL kept beside the code that runs it, as .sql files embedded under their path in the project.</summary>
internal static class EmbeddedSql
{
    public static string Read(string name)
    {
        using var stream = typeof(EmbeddedSql).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the SQL resource {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
