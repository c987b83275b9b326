using System.Data.Common;
using System.Text;

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

    public static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>A placeholder list such as <c>@sku0, @sku1</c> for an IN clause, with its parameters.</summary>
    public static string InList(string prefix, IEnumerable<string> values, List<KeyValuePair<string, object?>> parameters)
    {
        var names = new StringBuilder();
        foreach (var value in values)
        {
            var name = $"@{prefix}{parameters.Count}";
            parameters.Add(P(name, value));
            names.Append(names.Length == 0 ? name : $", {name}");
        }

        return names.ToString();
    }

    public static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string text, CancellationToken cancellationToken, params KeyValuePair<string, object?>[] parameters)
    {
        await using var command = Command(connection, transaction, text, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Runs statements in order; the first must return one row holding a long (or none). PostgreSQL gets them in one
    /// round trip as a batch; SQLite, in-process, one after another.
    /// </summary>
    public static async Task<long?> ExecuteAllAsync(LedgerSession session, IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken)
    {
        if (session.Connection.CanCreateBatch)
        {
            await using var batch = session.Connection.CreateBatch();
            batch.Transaction = session.Transaction;
            foreach (var statement in statements)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = statement.Text;
                foreach (var (name, value) in statement.Parameters)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = value ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }

                batch.BatchCommands.Add(command);
            }

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            long? first = await reader.ReadAsync(cancellationToken) ? reader.GetInt64(0) : null;
            while (await reader.NextResultAsync(cancellationToken))
            {
                // Draining the remaining results surfaces any error raised by a later statement.
            }

            return first;
        }

        var seq = await session.Command(statements[0].Text, [.. statements[0].Parameters]).ExecuteScalarAsync(cancellationToken);
        if (seq is null or DBNull)
        {
            return null;
        }

        foreach (var statement in statements.Skip(1))
        {
            await session.Command(statement.Text, [.. statement.Parameters]).ExecuteNonQueryAsync(cancellationToken);
        }

        return Convert.ToInt64(seq, System.Globalization.CultureInfo.InvariantCulture);
    }
}
