using System.Data.Common;
using System.Reflection;

namespace OmniPos.Core.Storage;

/// <summary>Applies the engine's numbered migrations (embedded <c>NNN_name.sql</c>) that the database has not seen, each in its own transaction.</summary>
internal static class SchemaMigrator
{
    public static async Task MigrateAsync(DbConnection connection, string engineFolder, CancellationToken ct)
    {
        await Sql.ExecuteAsync(connection, null,
            "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)", ct);
        foreach (var (version, name, text) in Migrations(engineFolder))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await using (var check = Sql.Command(connection, tx, "SELECT COUNT(*) FROM schema_migrations WHERE version = @v", Sql.P("@v", version)))
            {
                if (Convert.ToInt64(await check.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    continue;
                }
            }

            await Sql.ExecuteAsync(connection, tx, text, ct);
            await Sql.ExecuteAsync(connection, tx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, CAST(CURRENT_TIMESTAMP AS text))", ct,
                Sql.P("@v", version), Sql.P("@n", name));
            await tx.CommitAsync(ct);
        }
    }

    private static IEnumerable<(int Version, string Name, string Text)> Migrations(string engineFolder)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var prefix = $"{engineFolder}/Migrations/";
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = resource[prefix.Length..^".sql".Length];
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            yield return (int.Parse(name[..3], System.Globalization.CultureInfo.InvariantCulture), name, reader.ReadToEnd());
        }
    }
}
