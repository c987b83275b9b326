using System.Data.Common;

namespace OmniPos.Core.Storage;

/// <summary>Parameterized ADO.NET commands that read the same on SQLite and PostgreSQL (both take <c>@name</c> parameters).</summary>
internal static class Sql
{
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string text, params KeyValuePair<string, object?>[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            AddParameter(command, name, value);
        }

        return command;
    }

    public static KeyValuePair<string, object?> P(string name, object? value) => new(name, value);

    /// <summary>A timestamp column's value (stored as UTC on both engines) as the instant it is.</summary>
    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    /// <summary>An instant as a timestamp column keeps it: UTC, to the microsecond as PostgreSQL does, so it reads back equal on either engine.</summary>
    public static DateTime Stored(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    /// <summary>A nullable timestamp column's value as the instant it is, or null.</summary>
    public static DateTimeOffset? UtcOrNull(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Utc(reader.GetDateTime(ordinal));

    public static void AddParameter(DbCommand command, string name, object? value) =>
        AddParameter(command.CreateParameter(), command.Parameters, name, value);

    /// <summary>Names a new parameter, gives it the value (null as DBNull) and adds it; for commands and batch commands alike.</summary>
    public static void AddParameter(DbParameter parameter, DbParameterCollection parameters, string name, object? value)
    {
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        parameters.Add(parameter);
    }

    /// <summary>Whether the table has a row whose column holds the id.</summary>
    public static async Task<bool> ExistsAsync(DbConnection connection, string table, string column, string id, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, $"SELECT 1 FROM {table} WHERE {column} = @id", P("@id", id));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string text, CancellationToken cancellationToken, params KeyValuePair<string, object?>[] parameters)
    {
        await using var command = Command(connection, transaction, text, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
