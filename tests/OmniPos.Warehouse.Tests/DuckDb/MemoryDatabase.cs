using OmniPos.Warehouse.DuckDb;

namespace OmniPos.Warehouse.Tests.DuckDb;

/// <summary>A fresh in-memory DuckDB database and a connection to it, which one test owns.</summary>
internal sealed class MemoryDatabase : IDisposable
{
    public MemoryDatabase() => Connection = Database.Connect();

    public DuckDbDatabase Database { get; } = DuckDbDatabase.Open(null);

    public DuckDbConnection Connection { get; }

    public static long Count(DuckDbConnection connection, string table)
    {
        using var reader = connection.Query($"SELECT count(*) FROM {table}");
        return Assert.Single(reader.ReadAll(r => r.GetInt64(0)));
    }

    public long Count(string table) => Count(Connection, table);

    /// <summary>The one value <paramref name="sql"/> answers.</summary>
    public object? Scalar(string sql, params object?[] parameters) => Assert.Single(Rows(sql, r => r.GetValue(0), parameters));

    /// <summary>Every row of <paramref name="sql"/>; with parameters, through a prepared statement bound by position.</summary>
    public List<T> Rows<T>(string sql, Func<DuckDbReader, T> map, params object?[] parameters)
    {
        if (parameters.Length == 0)
        {
            using var reader = Connection.Query(sql);
            return reader.ReadAll(map);
        }

        using var statement = Connection.Prepare(sql);
        using var bound = statement.BindAll(parameters).Query();
        return bound.ReadAll(map);
    }

    public void Dispose()
    {
        Connection.Dispose();
        Database.Dispose();
    }
}
