using System.Data.Common;

namespace OmniPos.Core.Storage;

/// <summary>
/// One append transaction and the session its statements run in: either a DbTransaction on a connection the engine
/// keeps (SQLite's writer), or a connection borrowed from a pool whose BEGIN and COMMIT travel in its batches
/// (PostgreSQL, see <see cref="SqlDialect.CommitStatement"/>). Disposing it uncommitted rolls it back; a borrowed
/// connection goes back to its pool, which rolls back whatever it left open.
/// </summary>
internal sealed class AppendTransaction : IAsyncDisposable
{
    private readonly DbTransaction? _transaction;
    private readonly DbConnection? _borrowed;

    private AppendTransaction(LedgerSession session, DbTransaction? transaction, DbConnection? borrowed)
    {
        Session = session;
        _transaction = transaction;
        _borrowed = borrowed;
    }

    public LedgerSession Session { get; }

    /// <summary>Begins a transaction on a long-lived connection that keeps its prepared statements.</summary>
    public static async Task<AppendTransaction> BeginAsync(DbConnection connection, StatementCache statements, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        return new AppendTransaction(new LedgerSession(connection, transaction, statements), transaction, null);
    }

    /// <summary>A transaction that its own statements begin and commit, on a connection borrowed for it.</summary>
    public static AppendTransaction OnBorrowed(DbConnection connection) => new(new LedgerSession(connection, null), null, connection);

    public Task CommitAsync(CancellationToken cancellationToken) =>
        _transaction?.CommitAsync(cancellationToken) ?? throw new InvalidOperationException("this transaction is committed by a statement");

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }

        if (_borrowed is not null)
        {
            await _borrowed.DisposeAsync();
        }
    }
}
