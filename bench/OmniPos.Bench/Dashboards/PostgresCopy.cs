using Npgsql;
using OmniPos.Warehouse;
using OmniPos.Warehouse.DuckDb;

namespace OmniPos.Bench.Dashboards;

/// <summary>
/// The warehouse's star schema and marts (every <c>dim_</c>, <c>fact_</c> and <c>mart_</c> table, and its views) copied
/// into a schema of their own in a PostgreSQL database, to run the same queries on: each table created with the same
/// columns (DuckDB's types mapped to PostgreSQL's, NOT NULL kept), written by DuckDB as CSV and read by
/// <c>COPY … FROM STDIN</c>, then given the indexes below and vacuumed and analyzed. The tables are unlogged: only the
/// load skips the WAL, queries read them as any table. Disposing drops the schema.
/// </summary>
internal sealed class PostgresCopy : IAsyncDisposable
{
    /// <summary>
    /// What the queries filter, join and look up by: business days (every dashboard's date range), the keys returns,
    /// discounts, tenders and captures are joined on, settlements' match key, shifts' device and time, stock per SKU
    /// and location; and each dimension's key.
    /// </summary>
    private static readonly string[] Indexes =
    [
        "fact_sale_lines (business_date)", "fact_sale_lines (transaction_id, sku)", "fact_sale_lines (seq, line_no)",
        "fact_return_lines (business_date)", "fact_return_lines (original_transaction_id, sku)",
        "fact_line_taxes (business_date)", "fact_line_discounts (seq, line_no)", "fact_line_discounts (business_date)",
        "fact_tenders (seq)", "fact_tenders (store_id, card_token, auth_code)", "fact_refunds (seq)",
        "fact_payment_adjustments (transaction_id, tender_no)", "fact_settlements (store_id, processor_token, auth_code)",
        "fact_transactions (device_id, occurred_at)", "fact_transactions (business_date)", "fact_transactions (seq)",
        "fact_device_events (device_id, kind, occurred_at)", "fact_device_events (business_date)",
        "fact_inventory_movements (sku, location, business_date)",
        "mart_daily_sales (business_date)", "mart_daily_inventory (sku, location, business_date)", "mart_daily_inventory (business_date)",
        "mart_returned_sale_skus (transaction_id, sku)", "mart_receipt_lots (sku, location)", "mart_weekly_sell_through (week_start)",
        "mart_unmatched_settlements (business_date)",
        "dim_product (sku)", "dim_store (store_id)", "dim_promotion (promotion_id)", "dim_date (business_date)", "dim_date (week_start)",
    ];

    private readonly string _adminConnectionString;
    private readonly string _schema;

    private PostgresCopy(string adminConnectionString, string schema)
    {
        _adminConnectionString = adminConnectionString;
        _schema = schema;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { SearchPath = schema }.ConnectionString;
    }

    /// <summary>A connection string whose search path is the copy's schema, so the queries name its tables unqualified.</summary>
    public string ConnectionString { get; }

    /// <summary>Rows copied, over all tables.</summary>
    public long Rows { get; private set; }

    public static async Task<PostgresCopy> LoadAsync(AnalyticsWarehouse warehouse, string connectionString, string schema, Action<string> status,
        CancellationToken cancellationToken)
    {
        var copy = new PostgresCopy(connectionString, schema);
        try
        {
            await copy.LoadAsync(warehouse, status, cancellationToken);
            return copy;
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"DROP SCHEMA IF EXISTS {_schema} CASCADE", CancellationToken.None);
    }

    private async Task LoadAsync(AnalyticsWarehouse warehouse, Action<string> status, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("omnipos-bench-copy-");
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, $"CREATE SCHEMA {_schema}", cancellationToken);
            using var duck = warehouse.Connect();
            var tables = Tables(duck);
            foreach (var (table, columns) in tables)
            {
                status($"copying {table} to PostgreSQL");
                await ExecuteAsync(connection, $"CREATE UNLOGGED TABLE {table} ({string.Join(", ", columns.Select(c => $"{c.Name} {PostgresQueryText.Type(c.Type)}{(c.Nullable ? "" : " NOT NULL")}"))})",
                    cancellationToken);
                var file = Path.Combine(folder.FullName, $"{table}.csv");
                duck.Execute($"COPY (SELECT {string.Join(", ", columns.Select(Exported))} FROM {table}) TO '{file}' (FORMAT csv, HEADER false)", cancellationToken);
                var copied = await CopyInAsync(connection, table, file, cancellationToken);
                File.Delete(file);
                using var count = duck.Query($"SELECT count(*) FROM {table}", cancellationToken);
                if (count.Read() && count.GetInt64(0) != copied)
                {
                    throw new InvalidOperationException($"{table} has {count.GetInt64(0):N0} rows in the warehouse but {copied:N0} in the PostgreSQL copy");
                }

                Rows += copied;
            }

            foreach (var (view, sql) in Views(duck))
            {
                await ExecuteAsync(connection, PostgresQueryText.Translate(sql), cancellationToken);
                status($"created view {view}");
            }

            foreach (var index in Indexes)
            {
                status($"indexing {index} in PostgreSQL");
                await ExecuteAsync(connection, $"CREATE INDEX ON {index}", cancellationToken);
            }

            status("vacuuming and analyzing the PostgreSQL copy");
            await ExecuteAsync(connection, $"VACUUM ANALYZE {string.Join(", ", tables.Select(t => t.Table))}", cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static List<(string Table, List<(string Name, string Type, bool Nullable)> Columns)> Tables(DuckDbConnection duck)
    {
        using var reader = duck.Query("""
            SELECT table_name, column_name, data_type, is_nullable FROM duckdb_columns()
            WHERE schema_name = 'main' AND (table_name LIKE 'dim\_%' ESCAPE '\' OR table_name LIKE 'fact\_%' ESCAPE '\' OR table_name LIKE 'mart\_%' ESCAPE '\')
              AND table_name IN (SELECT table_name FROM duckdb_tables())
            ORDER BY table_name, column_index
            """);
        return [.. reader.ReadAll(r => (Table: r.GetString(0), Name: r.GetString(1), Type: r.GetString(2), Nullable: r.GetBoolean(3)))
            .GroupBy(c => c.Table)
            .Select(t => (t.Key, t.Select(c => (c.Name, c.Type, c.Nullable)).ToList()))];
    }

    private static List<(string View, string Sql)> Views(DuckDbConnection duck)
    {
        using var reader = duck.Query("SELECT view_name, sql FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' ORDER BY view_name");
        return reader.ReadAll(r => (r.GetString(0), r.GetString(1)));
    }

    /// <summary>A column as DuckDB writes it to CSV for PostgreSQL: a list as an array literal, anything else as it is.</summary>
    private static string Exported((string Name, string Type, bool Nullable) column) => column.Type.EndsWith("[]", StringComparison.Ordinal)
        ? $"'{{' || array_to_string(list_transform({column.Name}, x -> '\"' || replace(replace(x, '\\', '\\\\'), '\"', '\\\"') || '\"'), ',') || '}}'"
        : column.Name;

    private static async Task<long> CopyInAsync(NpgsqlConnection connection, string table, string file, CancellationToken cancellationToken)
    {
        var buffer = new char[1 << 16];
        using (var reader = File.OpenText(file))
        await using (var writer = await connection.BeginTextImportAsync($"COPY {table} FROM STDIN (FORMAT csv)", cancellationToken))
        {
            int read;
            while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
