using System.Data.Common;

namespace OmniPos.Core.Storage;

/// <summary>
/// The connection and transaction (if any) one piece of ledger work runs in, and where its commands come from: SQLite's single writer reuses
/// prepared commands from a <see cref="StatementCache"/> and runs its writes through an <see cref="INonQueryRunner"/>;
/// otherwise each command is new and disposed with the session. Commands handed out belong to the session: callers never dispose them.
/// </summary>
internal sealed class LedgerSession(DbConnection connection, DbTransaction? transaction, StatementCache? cache = null, INonQueryRunner? nonQueries = null)
    : IAsyncDisposable
{
    private readonly List<DbCommand> _owned = [];

    public DbConnection Connection => connection;

    public DbTransaction? Transaction => transaction;

    /// <summary>Where statements that return no rows run, when the connection has a faster way than a command.</summary>
    public INonQueryRunner? NonQueries => nonQueries;

    public DbCommand Command(string text, params KeyValuePair<string, object?>[] parameters)
    {
        DbCommand command;
        if (cache is null)
        {
            command = connection.CreateCommand();
            command.CommandText = text;
            _owned.Add(command);
        }
        else
        {
            command = cache.Get(connection, text);
            command.Parameters.Clear();
        }

        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            Sql.AddParameter(command, name, value);
        }

        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _owned)
        {
            await command.DisposeAsync();
        }
    }
}
