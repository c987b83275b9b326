using System.Data.Common;

namespace OmniPos.Core.Storage;

/// <summary>
/// Prepared commands of one long-lived connection, by SQL text. Preparing costs about as much as running a small
/// statement, and an append runs a dozen, so the SQLite writer keeps them. The texts are few (one insert per table,
/// and reads whose lists travel as one parameter); past <see cref="Capacity"/> the cache starts over rather than grow
/// without bound.
/// </summary>
internal sealed class StatementCache : IDisposable
{
    private const int Capacity = 512;
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    public DbCommand Get(DbConnection connection, string text)
    {
        if (_commands.TryGetValue(text, out var command))
        {
            return command;
        }

        if (_commands.Count >= Capacity)
        {
            Dispose();
        }

        command = connection.CreateCommand();
        command.CommandText = text;
        _commands[text] = command;
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
