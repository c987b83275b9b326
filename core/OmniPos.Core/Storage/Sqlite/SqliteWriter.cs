using Microsoft.Data.Sqlite;
using OmniPos.Core.Ledger;

namespace OmniPos.Core.Storage.Sqlite;

/// <summary>
/// The store's one writer connection and what it keeps from one append transaction to the next: prepared queries, its
/// writes bound directly (see <see cref="SqliteWriteStatements"/>) and the catalog facts it has read, which stay true
/// while no other connection commits (SQLite's <c>PRAGMA data_version</c> tells).
/// </summary>
internal sealed class SqliteWriter(SqliteConnection connection) : IAsyncDisposable
{
    private readonly StatementCache _queries = new();
    private readonly SqliteWriteStatements _writes = new(connection);
    private readonly CatalogCache _catalog = new();

    /// <summary>Begins an append transaction (BEGIN IMMEDIATE: it holds the write lock from here) with the catalog facts still true.</summary>
    public async Task<AppendTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        var transaction = await AppendTransaction.BeginAsync(connection, _queries, _writes, _catalog, cancellationToken);
        try
        {
            // Read under the write lock, so nobody else commits before this transaction ends and the cache stays true in it.
            var version = await transaction.Session.Command("PRAGMA data_version").ExecuteScalarAsync(cancellationToken);
            _catalog.Revalidate(Convert.ToInt64(version, System.Globalization.CultureInfo.InvariantCulture));
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Prepared statements first: a connection does not close while any is left.
        _queries.Dispose();
        _writes.Dispose();
        await connection.DisposeAsync();
    }
}
