using OmniPos.Warehouse.DuckDb;

namespace OmniPos.Warehouse.Tests.DuckDb;

/// <summary>
/// Rows made to cross DuckDB's data chunks (2,048 rows each) with a bit of everything that lives in a chunk by pointer:
/// nulls, strings short enough to be inlined and long enough not to be, lists of changing length (empty ones too).
/// Row <c>i</c> is written down twice, once in SQL and once in C#, so what is read is checked against what was meant.
/// </summary>
internal static class ChunkRows
{
    public const string Columns = "id INTEGER, label VARCHAR, amount DECIMAL(18,2), tags VARCHAR[]";

    /// <summary>The rows 0 … <paramref name="count"/> - 1, made by DuckDB.</summary>
    public static string Sql(int count) => $"""
        SELECT i::INTEGER,
               CASE WHEN i % 3 = 0 THEN NULL WHEN i % 2 = 0 THEN 'l' || i ELSE 'label ' || i || ' past twelve bytes' END,
               CASE WHEN i % 5 = 0 THEN NULL ELSE (i * 0.01 - 50)::DECIMAL(18,2) END,
               CASE WHEN i % 7 = 0 THEN NULL ELSE list_transform(range(i % 4), lambda j: 't' || i || '-' || j) END
        FROM range({count}) t(i)
        ORDER BY i
        """;

    public static string? Label(int i) => i % 3 == 0 ? null : i % 2 == 0 ? $"l{i}" : $"label {i} past twelve bytes";

    public static decimal? Amount(int i) => i % 5 == 0 ? null : i * 0.01m - 50;

    public static string[]? Tags(int i) => i % 7 == 0 ? null : [.. Enumerable.Range(0, i % 4).Select(j => $"t{i}-{j}")];

    public static Row Read(DuckDbReader reader) => new(
        reader.GetInt32(0),
        reader.GetStringOrNull(1),
        reader.IsNull(2) ? null : reader.GetDecimal(2),
        reader.IsNull(3) ? null : reader.GetList(3, static (element, i) => element.GetString(i)));

    /// <summary>Checks that <paramref name="rows"/> are rows 0 … count - 1, every column of every one.</summary>
    public static void AssertAre(int count, List<Row> rows)
    {
        Assert.Equal(count, rows.Count);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(i, rows[i].Id);
            Assert.Equal(Label(i), rows[i].Label);
            Assert.Equal(Amount(i), rows[i].Amount);
            Assert.Equal(Tags(i), rows[i].Tags);
        }
    }

    internal sealed record Row(int Id, string? Label, decimal? Amount, IReadOnlyList<string>? Tags);
}
