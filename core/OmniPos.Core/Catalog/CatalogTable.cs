using System.Data.Common;

namespace OmniPos.Core.Catalog;

/// <summary>
/// Where one kind of catalog entry lives: its table, key column and other columns, how an entry becomes the row's values
/// (in that order, the key first) and back, the store the entry belongs to (which must exist), and its catalog rule.
/// </summary>
internal sealed record CatalogTable<T>(
    string Table,
    string Key,
    string[] Columns,
    Func<T, object?[]> Values,
    Func<DbDataReader, T> Read,
    Func<T, string?> RequiredStore,
    Action<T> Check) where T : class
{
    /// <summary>The key column and then the others: the order <see cref="Values"/> gives and <see cref="Read"/> reads.</summary>
    public IReadOnlyList<string> AllColumns { get; } = [Key, .. Columns];

    /// <summary>A query for the entries whose key satisfies <paramref name="condition"/>, in the order <see cref="Read"/> reads.</summary>
    public string SelectWhere(string condition) => $"SELECT {string.Join(", ", AllColumns)} FROM {Table} WHERE {condition}";
}
