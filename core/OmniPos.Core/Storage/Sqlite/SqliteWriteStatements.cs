using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace OmniPos.Core.Storage.Sqlite;

/// <summary>
/// The writer's inserts and updates, run as SQLite prepared statements bound by position. A group writes about a dozen
/// rows per event, and through <see cref="SqliteCommand"/> each row cost 4-13 µs (parameter objects, a lookup of every
/// parameter by name, a data reader per statement); bound directly it costs about 2. Values are stored exactly as
/// Microsoft.Data.Sqlite stores them, so rows read the same whichever way they were written.
/// </summary>
internal sealed class SqliteWriteStatements(SqliteConnection connection) : INonQueryRunner, IDisposable
{
    private const string DecimalFormat = "0.0###########################";
    private const string DateTimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";
    private readonly Dictionary<string, Prepared> _prepared = new(StringComparer.Ordinal);

    /// <summary>Runs the statement inside the connection's open transaction, every parameter bound afresh.</summary>
    public void Run(SqlStatement statement)
    {
        var prepared = Prepare(statement.Text);
        var stmt = prepared.Statement;
        if (statement.Parameters.Count != prepared.ParameterCount)
        {
            // A parameter left out would keep the value bound on the statement's previous run.
            throw new ArgumentException($"the statement takes {prepared.ParameterCount} parameters, not {statement.Parameters.Count}", nameof(statement));
        }

        if (raw.sqlite3_get_autocommit(connection.Handle) != 0)
        {
            // Outside a transaction (never begun, or rolled back by SQLite after a failure) each row would commit on its own.
            throw new InvalidOperationException("the writer's statements run only inside its append transaction");
        }

        foreach (var (name, value) in statement.Parameters)
        {
            Bind(stmt, prepared.IndexOf(name), value);
        }

        int rc;
        while ((rc = raw.sqlite3_step(stmt)) == raw.SQLITE_ROW)
        {
        }

        if (rc != raw.SQLITE_DONE)
        {
            Fail(rc, stmt);
        }

        raw.sqlite3_reset(stmt);
    }

    public void Dispose()
    {
        foreach (var prepared in _prepared.Values)
        {
            prepared.Statement.Dispose();
        }

        _prepared.Clear();
    }

    /// <summary>The values the ledger writes (see <see cref="ColumnType"/>), each as Microsoft.Data.Sqlite would bind it.</summary>
    private static void Bind(sqlite3_stmt stmt, int index, object? value)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(stmt, index),
            string text => raw.sqlite3_bind_text(stmt, index, text),
            int number => raw.sqlite3_bind_int(stmt, index, number),
            long number => raw.sqlite3_bind_int64(stmt, index, number),
            bool flag => raw.sqlite3_bind_int(stmt, index, flag ? 1 : 0),
            decimal amount => raw.sqlite3_bind_text(stmt, index, amount.ToString(DecimalFormat, CultureInfo.InvariantCulture)),
            DateTime time => raw.sqlite3_bind_text(stmt, index, time.ToString(DateTimeFormat, CultureInfo.InvariantCulture)),
            _ => throw new ArgumentException($"the ledger writes no {value.GetType().Name} values", nameof(value)),
        };
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, raw.sqlite3_db_handle(stmt));
        }
    }

    private Prepared Prepare(string text)
    {
        if (!_prepared.TryGetValue(text, out var prepared))
        {
            var rc = raw.sqlite3_prepare_v2(connection.Handle, text, out var stmt, out var rest);
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
            if (!string.IsNullOrWhiteSpace(rest))
            {
                stmt.Dispose();
                throw new ArgumentException($"one statement at a time: '{rest.Trim()}' would not run", nameof(text));
            }

            _prepared[text] = prepared = new Prepared(stmt);
        }

        return prepared;
    }

    /// <summary>Reports a failed step with SQLite's own message, then readies the statement for its next run.</summary>
    private static void Fail(int rc, sqlite3_stmt stmt)
    {
        try
        {
            SqliteException.ThrowExceptionForRC(rc, raw.sqlite3_db_handle(stmt));
        }
        finally
        {
            raw.sqlite3_reset(stmt);
        }
    }

    private sealed class Prepared(sqlite3_stmt statement)
    {
        private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);

        public sqlite3_stmt Statement => statement;

        public int ParameterCount { get; } = raw.sqlite3_bind_parameter_count(statement);

        public int IndexOf(string name)
        {
            if (!_indexes.TryGetValue(name, out var index))
            {
                index = raw.sqlite3_bind_parameter_index(statement, name);
                if (index == 0)
                {
                    throw new ArgumentException($"the statement has no parameter {name}", nameof(name));
                }

                _indexes[name] = index;
            }

            return index;
        }
    }
}
