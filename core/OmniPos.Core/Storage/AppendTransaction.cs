using System.Data.Common;

namespace OmniPos.Core.Storage;

/// <summary>One append transaction of an engine and the session its statements run in; disposing it without a commit rolls back.</summary>
internal sealed class AppendTransaction : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly bool _ownsConnection;

    private AppendTransaction(DbConnection connection, DbTransaction transaction, StatementCache? statements, bool ownsConnection)
    {
        _connection = connection;
        _transaction = transaction;
        _ownsConnection = ownsConnection;
        Session = new LedgerSession(connection, transaction, statements);
    }

    public LedgerSession Session { get; }

    /// <param name="ownsConnection">True for a connection borrowed from a pool for this transaction: it is returned when the transaction ends.</param>
    /// <param name="statements">Prepared statements of a long-lived connection, kept across transactions.</param>
    public static async Task<AppendTransaction> BeginAsync(DbConnection connection, bool ownsConnection, StatementCache? statements, CancellationToken cancellationToken)
    {
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            return new AppendTransaction(connection, transaction, statements, ownsConnection);
        }
        catch when (ownsConnection)
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        await _transaction.DisposeAsync();
        if (_ownsConnection)
        {
            await _connection.DisposeAsync();
        }
    }
}
