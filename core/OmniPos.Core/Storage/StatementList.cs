using System.Text;

namespace OmniPos.Core.Storage;

/// <summary>Collects an event's writes; multi-row inserts keep the statement count independent of the number of lines.</summary>
internal sealed class StatementList
{
    private readonly List<SqlStatement> _statements = [];

    public IReadOnlyList<SqlStatement> Statements => _statements;

    public void Add(string text, params KeyValuePair<string, object?>[] parameters) => _statements.Add(new SqlStatement(text, parameters));

    public void InsertRows(string table, string columns, IReadOnlyList<object?[]> rows, string suffix = "")
    {
        if (rows.Count == 0)
        {
            return;
        }

        var parameters = new List<KeyValuePair<string, object?>>();
        var text = new StringBuilder($"INSERT INTO {table} ({columns}) VALUES ");
        for (var r = 0; r < rows.Count; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var v = 0; v < rows[r].Length; v++)
            {
                var name = $"@p{parameters.Count}";
                parameters.Add(new(name, rows[r][v]));
                text.Append(v == 0 ? name : $", {name}");
            }

            text.Append(')');
        }

        _statements.Add(new SqlStatement(text.Append(suffix).ToString(), parameters));
    }
}
