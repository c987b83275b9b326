using System.Reflection;
using OmniPos.Warehouse.DuckDb;

namespace OmniPos.Warehouse.Schema;

/// <summary>Applies the numbered scripts of Schema/ that a warehouse file has not had yet, each in its own transaction.</summary>
internal static class WarehouseSchema
{
    public static void Migrate(DuckDbConnection connection)
    {
        connection.Execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)");
        var applied = new HashSet<int>();
        using (var reader = connection.Query("SELECT version FROM schema_migrations"))
        {
            while (reader.Read())
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        foreach (var (version, name) in Scripts().Where(s => !applied.Contains(s.Version)))
        {
            var sql = EmbeddedSql.Read(name);
            connection.InTransaction(() =>
            {
                connection.Execute(sql);
                using var record = connection.Prepare("INSERT INTO schema_migrations VALUES ($1, $2, now())");
                return record.BindAll(version, name).Execute();
            });
        }
    }

    private static IEnumerable<(int Version, string Name)> Scripts() =>
        typeof(WarehouseSchema).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Schema/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (int.Parse(Path.GetFileName(n)[..3], System.Globalization.CultureInfo.InvariantCulture), n))
            .OrderBy(s => s.Item1);
}
