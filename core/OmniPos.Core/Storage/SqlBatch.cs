using System.Data.Common;

namespace OmniPos.Core.Storage;

/// <summary>
/// Statements that run together in order, each query with what to do with each of its rows. PostgreSQL gets them all
/// in one round trip; SQLite, in-process, runs them one after another on the session's prepared commands (its writes
/// through the session's <see cref="LedgerSession.NonQueries"/>, which alone runs a <see cref="StatementPerRow"/>).
/// </summary>
internal sealed class SqlBatch
{
    private readonly List<(SqlStatement? Statement, StatementPerRow? PerRow, Action<DbDataReader>? OnRow)> _items = [];

    public bool IsEmpty => _items.Count == 0;

    /// <summary>Adds a statement that returns no rows.</summary>
    public void Add(SqlStatement statement) => _items.Add((statement, null, null));

    /// <summary>Adds a statement run once per row; only a session with <see cref="LedgerSession.NonQueries"/> runs the batch then.</summary>
    public void Add(StatementPerRow statement) => _items.Add((null, statement, null));

    public void Add(string text, params KeyValuePair<string, object?>[] parameters) => Add(new SqlStatement(text, parameters));

    /// <summary>
    /// Adds a statement that returns rows; <paramref name="onRow"/> sees each. Every statement that returns rows must be
    /// added here, even one whose rows are of no interest: on PostgreSQL results are matched to queries by position.
    /// </summary>
    public void AddQuery(string text, Action<DbDataReader> onRow, params KeyValuePair<string, object?>[] parameters) =>
        AddQuery(new SqlStatement(text, parameters), onRow);

    public void AddQuery(SqlStatement statement, Action<DbDataReader> onRow) => _items.Add((statement, null, onRow));

    public async Task ExecuteAsync(LedgerSession session, CancellationToken cancellationToken)
    {
        if (session.Connection.CanCreateBatch)
        {
            await ExecuteAsOneAsync(session, cancellationToken);
            return;
        }

        foreach (var (statement, perRow, onRow) in _items)
        {
            if (perRow is not null)
            {
                NonQueriesOf(session).Run(perRow);
                continue;
            }

            if (onRow is null && session.NonQueries is { } nonQueries)
            {
                nonQueries.Run(statement!);
                continue;
            }

            var command = session.Command(statement!.Text, [.. statement.Parameters]);
            if (onRow is null)
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
                continue;
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await ReadRowsAsync(reader, onRow, cancellationToken);
        }
    }

    /// <summary>
    /// One round trip. The reader offers a result for each statement that returns rows, in order, and none for the
    /// others; the last results are drained so an error raised by a later statement surfaces here.
    /// </summary>
    private async Task ExecuteAsOneAsync(LedgerSession session, CancellationToken cancellationToken)
    {
        await using var batch = session.Connection.CreateBatch();
        batch.Transaction = session.Transaction;
        foreach (var (statement, _, _) in _items)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = statement?.Text ?? throw PerRowUnsupported();
            foreach (var (name, value) in statement.Parameters)
            {
                Sql.AddParameter(command.CreateParameter(), command.Parameters, name, value);
            }

            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var first = true;
        foreach (var (_, _, onRow) in _items.Where(item => item.OnRow is not null))
        {
            if (!first && !await reader.NextResultAsync(cancellationToken))
            {
                throw new InvalidOperationException("the batch returned fewer results than it has queries");
            }

            first = false;
            await ReadRowsAsync(reader, onRow!, cancellationToken);
        }

        while (await reader.NextResultAsync(cancellationToken))
        {
        }
    }

    private static INonQueryRunner NonQueriesOf(LedgerSession session) => session.NonQueries ?? throw PerRowUnsupported();

    private static NotSupportedException PerRowUnsupported() =>
        new("a statement per row runs only through the session's INonQueryRunner (SQLite's writer)");

    private static async Task ReadRowsAsync(DbDataReader reader, Action<DbDataReader> onRow, CancellationToken cancellationToken)
    {
        while (await reader.ReadAsync(cancellationToken))
        {
            onRow(reader);
        }
    }
}
