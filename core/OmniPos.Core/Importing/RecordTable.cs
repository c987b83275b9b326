using System.Data.Common;

namespace OmniPos.Core.Importing;

/// <summary>
/// Where one kind of processor record lives: its table, its date column and the columns after the key
/// (store, date, token, auth code), with how a record fills and is read back from them.
/// </summary>
internal sealed class RecordTable<T>(string table, string dateColumn, string[] valueColumns, Func<T, object?[]> values, Func<DbDataReader, T> read)
    where T : ProcessorRecord
{
    private readonly string _columns = $"store_id, {dateColumn}, processor_token, auth_code, {string.Join(", ", valueColumns)}";

    public string Table => table;

    /// <summary>
    /// Inserts the record with the next record seq, unless its key is taken. SQLite needs the WHERE to read ON CONFLICT as
    /// the upsert clause. The conflict names the key, so a clash on record_seq (two imports numbering at once) is an error,
    /// never a record silently dropped.
    /// </summary>
    public string Insert =>
        $"INSERT INTO {table} ({_columns}, record_seq) SELECT @store, @date, @token, @auth, {string.Join(", ", valueColumns.Select((_, i) => $"@v{i}"))}, " +
        $"coalesce(max(record_seq), 0) + 1 FROM {table} WHERE true " +
        $"ON CONFLICT (store_id, {dateColumn}, processor_token, auth_code) DO NOTHING";

    public string SelectOne => $"SELECT {_columns} FROM {table} WHERE store_id = @store AND {dateColumn} = @date AND processor_token = @token AND auth_code = @auth";

    public string SelectAfter => $"SELECT {_columns}, record_seq FROM {table} WHERE record_seq > @after ORDER BY record_seq LIMIT @max";

    public string SelectRange => $"SELECT {_columns} FROM {table} WHERE store_id = @store AND {dateColumn} >= @from AND {dateColumn} <= @through ORDER BY {dateColumn}, processor_token, auth_code";

    /// <summary>The key's parameters, for <see cref="Insert"/> and <see cref="SelectOne"/>.</summary>
    public static KeyValuePair<string, object?>[] Key(T record) =>
        [Storage.Sql.P("@store", record.StoreId), Storage.Sql.P("@date", record.Date), Storage.Sql.P("@token", record.ProcessorToken), Storage.Sql.P("@auth", record.AuthCode)];

    /// <summary>Every parameter of <see cref="Insert"/>.</summary>
    public KeyValuePair<string, object?>[] Row(T record) => [.. Key(record), .. values(record).Select((v, i) => Storage.Sql.P($"@v{i}", v))];

    /// <summary>The record a row of <see cref="SelectOne"/>, <see cref="SelectRange"/> or <see cref="SelectAfter"/> holds.</summary>
    public T Read(DbDataReader reader) => read(reader);
}
