namespace OmniPos.Core.Storage;

/// <summary>
/// One statement run once for each row, the row's values bound to its parameters by position: how SQLite inserts a
/// table's rows (see <see cref="Sqlite.SqliteDialect.AddInsert"/>), with no name or parameter object per value.
/// </summary>
internal sealed record StatementPerRow(string Text, IReadOnlyList<object?[]> Rows);
