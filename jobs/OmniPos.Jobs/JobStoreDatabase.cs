using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using OmniPos.Core.Storage;
using Quartz;
using Quartz.Impl.AdoJobStore;

namespace OmniPos.Jobs;

/// <summary>
/// Where the scheduler keeps its triggers, its cluster's state and the run history: beside the operational store, on its
/// engine. On SQLite, <c>jobs.db</c> in the data directory, for one node; on PostgreSQL, the store's own database, where
/// any number of nodes form one cluster.
/// </summary>
public sealed class JobStoreDatabase
{
    public const string SqliteFile = "jobs.db";
    private const string TablePrefix = "qrtz_";

    private static readonly Lazy<string> SchemaSql = new(() =>
    {
        using var stream = typeof(JobStoreDatabase).Assembly.GetManifestResourceStream("Schema/job_store.sql")!;
        return new StreamReader(stream).ReadToEnd();
    });

    private readonly DbProviderFactory _factory;

    private JobStoreDatabase(bool clustered, string connectionString, DbProviderFactory factory)
    {
        Clustered = clustered;
        ConnectionString = connectionString;
        _factory = factory;
    }

    /// <summary>Whether nodes share this store as one cluster (PostgreSQL).</summary>
    public bool Clustered { get; }

    public string ConnectionString { get; }

    /// <summary>The job store that goes with the operational store <paramref name="store"/> opens.</summary>
    public static JobStoreDatabase For(StoreOptions store, string dataDirectory) => store.Provider switch
    {
        "postgres" => new JobStoreDatabase(true, store.ConnectionString
            ?? throw new InvalidOperationException("Store:ConnectionString is required when Store:Provider is postgres"), NpgsqlFactory.Instance),
        _ => new JobStoreDatabase(false, new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, SqliteFile),
            ForeignKeys = true,
            // Seconds a statement waits for another connection's write to finish (the scheduler's threads share the file).
            DefaultTimeout = 30,
        }.ToString(), SqliteFactory.Instance),
    };

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = _factory.CreateConnection()!;
        connection.ConnectionString = ConnectionString;
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Creates what is missing of the job store's tables; nodes starting together on PostgreSQL take turns.</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        if (!Clustered)
        {
            // Readers (the CLI's history) never wait for the scheduler's writes, nor it for them.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL", cancellationToken);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (Clustered)
        {
            await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext('omnipos job store schema'))", cancellationToken);
        }

        await ExecuteAsync(connection, transaction, SchemaSql.Value, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Points a Quartz AdoJobStore at this database.</summary>
    /// <param name="dataSource">
    /// The name Quartz keeps the connection under: its connection manager is one per process, so each scheduler in a
    /// process needs a name of its own.
    /// </param>
    internal void Configure(SchedulerBuilder.PersistentStoreOptions store, string dataSource)
    {
        if (Clustered)
        {
            store.UseGenericDatabase("Npgsql", database =>
            {
                database.ConnectionString = ConnectionString;
                database.TablePrefix = TablePrefix;
                database.UseDriverDelegate<PostgreSQLDelegate>();
            }, dataSource);
        }
        else
        {
            store.UseMicrosoftSQLite(database =>
            {
                database.ConnectionString = ConnectionString;
                database.TablePrefix = TablePrefix;
            }, dataSource);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
