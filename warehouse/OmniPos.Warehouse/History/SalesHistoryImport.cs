using OmniPos.Warehouse.DuckDb;
using OmniPos.Warehouse.Lake;
using OmniPos.Warehouse.Schema;

namespace OmniPos.Warehouse.History;

/// <summary>
/// Brings daily sales history from a previous system into the warehouse's history tables (Schema/011_sales_history.sql):
/// the M5 layout of a folder, or a long CSV. Each import is one transaction: a file that fails leaves nothing behind, and
/// importing the same history again replaces its days instead of doubling them.
/// </summary>
internal static class SalesHistoryImport
{
    public const string M5Source = "m5";

    private static readonly string[] RequiredColumns = ["sku", "location", "date", "units", "price", "promoted"];
    private static readonly string[] OptionalColumns = ["in_stock", "department", "category", "region"];
    private static readonly string[] CsvExtensions = [".csv", ".csv.gz"];

    private static readonly Lazy<string> M5Sql = new(() => EmbeddedSql.Read("History/M5Import.sql"));
    private static readonly Lazy<string> LongCsvSql = new(() => EmbeddedSql.Read("History/LongCsvImport.sql"));
    private static readonly Lazy<string> LongCsvCheckSql = new(() => EmbeddedSql.Read("History/LongCsvCheck.sql"));

    /// <summary>
    /// Imports a folder in the M5 layout: <c>calendar.csv</c>, one <c>sales_train*.csv</c> and one <c>sell_prices*.csv</c>,
    /// each possibly gzipped.
    /// </summary>
    public static HistoryImportReport ImportM5(DuckDbConnection connection, string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new HistoryImportException($"{folder} is not a folder");
        }

        var sql = M5Sql.Value
            .Replace("{calendar}", LandingRun.Quote(OneFile(folder, "calendar")), StringComparison.Ordinal)
            .Replace("{sales}", LandingRun.Quote(OneFile(folder, "sales_train*")), StringComparison.Ordinal)
            .Replace("{prices}", LandingRun.Quote(OneFile(folder, "sell_prices*")), StringComparison.Ordinal);
        return Import(connection, M5Source, folder, () => connection.Execute(sql, cancellationToken));
    }

    /// <summary>
    /// Imports a long CSV with a header: one row per SKU, location and day, with the columns sku, location, date, units,
    /// price and promoted, and optionally in_stock, department, category and region. Its source is its file name.
    /// </summary>
    public static HistoryImportReport ImportLongCsv(DuckDbConnection connection, string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new HistoryImportException($"{path} does not exist");
        }

        var source = Path.GetFileName(path);
        return Import(connection, source, path, () =>
        {
            connection.Execute(
                $"CREATE OR REPLACE TEMP TABLE history_csv AS SELECT * FROM read_csv({LandingRun.Quote(path)}, header = true, all_varchar = true)",
                cancellationToken);
            try
            {
                CheckColumns(connection, path);
                CheckRows(connection, path, cancellationToken);
                connection.Execute(LongCsvSql.Value.Replace("{source}", LandingRun.Quote(source), StringComparison.Ordinal), cancellationToken);
            }
            finally
            {
                connection.Execute("DROP TABLE IF EXISTS history_csv");
            }
        });
    }

    private static HistoryImportReport Import(DuckDbConnection connection, string source, string what, Action import) => connection.InTransaction(() =>
    {
        try
        {
            import();
        }
        catch (DuckDbException error) when (!error.IsTransient)
        {
            throw new HistoryImportException($"{what}: {error.Message}");
        }

        return Report(connection, source);
    });

    private static string OneFile(string folder, string stem)
    {
        var files = CsvExtensions.SelectMany(extension => Directory.GetFiles(folder, stem + extension)).Order(StringComparer.Ordinal).ToList();
        return files.Count switch
        {
            1 => files[0],
            0 => throw new HistoryImportException($"{folder} has no {stem}.csv or {stem}.csv.gz (the M5 layout: calendar, sales_train…, sell_prices…)"),
            _ => throw new HistoryImportException($"{folder} has several {stem} files ({string.Join(", ", files.Select(Path.GetFileName))}); keep one"),
        };
    }

    private static void CheckColumns(DuckDbConnection connection, string path)
    {
        List<string> columns;
        using (var reader = connection.Query("SELECT * FROM history_csv LIMIT 0"))
        {
            columns = reader.ColumnNames.ToList();
        }

        var missing = RequiredColumns.Except(columns, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new HistoryImportException(
                $"{path}: the header lacks {string.Join(", ", missing)} (it needs {string.Join(", ", RequiredColumns)}; it may add {string.Join(", ", OptionalColumns)})");
        }

        var unknown = columns.Except(RequiredColumns.Concat(OptionalColumns), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new HistoryImportException(
                $"{path}: the header has columns this import does not know: {string.Join(", ", unknown)} (it knows {string.Join(", ", RequiredColumns.Concat(OptionalColumns))})");
        }

        foreach (var absent in OptionalColumns.Except(columns, StringComparer.Ordinal))
        {
            connection.Execute($"ALTER TABLE history_csv ADD COLUMN {absent} VARCHAR");
        }
    }

    private static void CheckRows(DuckDbConnection connection, string path, CancellationToken cancellationToken)
    {
        using var reader = connection.Query(LongCsvCheckSql.Value, cancellationToken);
        var problems = reader.ReadAll(row => $"line {row.GetInt64(0)}: {row.GetString(1)}");
        if (problems.Count > 0)
        {
            throw new HistoryImportException($"{path} was not imported:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }
    }

    private static HistoryImportReport Report(DuckDbConnection connection, string source)
    {
        using var statement = connection.Prepare(
            "SELECT count(*), count(DISTINCT (sku, location)), min(business_date), max(business_date) FROM history_sales WHERE source = $1");
        using var reader = statement.Bind(1, source).Query();
        reader.Read();
        if (reader.GetInt64(0) == 0)
        {
            throw new HistoryImportException($"{source} holds no days of sales");
        }

        return new HistoryImportReport(source, reader.GetInt64(0), reader.GetInt32(1), reader.GetDate(2), reader.GetDate(3));
    }
}
