using Microsoft.Data.Sqlite;
using OmniPos.Core.Ledger;

namespace OmniPos.Core.Storage.Sqlite;

/// <summary>
/// The store's one writer connection and what it keeps from one append transaction to the next: prepared queries, its
/// writes bound directly (see <see cref="SqliteWriteStatements"/>) and the catalog facts it has read (see <see cref="CatalogCache"/>).
/// </summary>
internal sealed class SqliteWriter(SqliteConnection connection) : IAsyncDisposable
{
    private readonly StatementCache _queries = new();
    private readonly SqliteWriteStatements _writes = new(connection);
    private readonly CatalogCache _catalog = new();

    /// <summary>Begins an append transaction (BEGIN IMMEDIATE: it holds the write lock from here).</summary>
    public Task<AppendTransaction> BeginAsync(CancellationToken cancellationToken) =>
        AppendTransaction.BeginAsync(connection, _queries, _writes, _catalog, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        // Prepared statements first: a connection does not close while any is left.
        _queries.Dispose();
        _writes.Dispose();
        await connection.DisposeAsync();
    }
}
