using System.Data.Common;
using OmniPos.Core.Ledger;

namespace OmniPos.Core.Storage;

/// <summary>
/// One append transaction and the session its statements run in: either a DbTransaction on a connection the engine
/// keeps (SQLite's writer), or a connection borrowed from a pool whose BEGIN and COMMIT travel in the first and last
/// batches, so neither costs a round trip of its own (PostgreSQL). Disposing it uncommitted rolls it back; a borrowed
/// connection goes back to its pool, which rolls back whatever it left open.
/// </summary>
internal sealed class AppendTransaction : IAsyncDisposable
{
    private readonly DbTransaction? _transaction;
    private readonly DbConnection? _borrowed;

    private AppendTransaction(LedgerSession session, DbTransaction? transaction, DbConnection? borrowed, CatalogCache catalog)
    {
        Session = session;
        _transaction = transaction;
        _borrowed = borrowed;
        Catalog = catalog;
    }

    public LedgerSession Session { get; }

    /// <summary>The catalog facts the store's writer keeps between its transactions.</summary>
    public CatalogCache Catalog { get; }

    /// <summary>Begins a transaction on a long-lived connection that keeps its prepared statements.</summary>
    public static async Task<AppendTransaction> BeginAsync(DbConnection connection, StatementCache statements, INonQueryRunner writes,
        CatalogCache catalog, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        return new AppendTransaction(new LedgerSession(connection, transaction, statements, writes), transaction, null, catalog);
    }

    /// <summary>A transaction begun and committed by statements in its batches, on a connection borrowed for it.</summary>
    public static AppendTransaction OnBorrowed(DbConnection connection, CatalogCache catalog) =>
        new(new LedgerSession(connection, null), null, connection, catalog);

    /// <summary>Adds what begins the transaction to its first batch.</summary>
    public void Begin(SqlBatch first)
    {
        if (_transaction is null)
        {
            first.Add("BEGIN");
        }
    }

    /// <summary>Runs the last batch (it may be empty) and commits.</summary>
    public async Task CommitAsync(SqlBatch last, CancellationToken cancellationToken)
    {
        if (_transaction is null)
        {
            last.Add("COMMIT");
        }

        if (!last.IsEmpty)
        {
            await last.ExecuteAsync(Session, cancellationToken);
        }

        if (_transaction is not null)
        {
            await _transaction.CommitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Session.DisposeAsync();
            if (_transaction is not null)
            {
                await _transaction.DisposeAsync();
            }
        }
        finally
        {
            // Whatever failed above, the borrowed connection goes back, taking its locks with its transaction.
            if (_borrowed is not null)
            {
                await _borrowed.DisposeAsync();
            }
        }
    }
}
