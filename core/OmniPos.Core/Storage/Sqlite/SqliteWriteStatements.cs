using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace OmniPos.Core.Storage.Sqlite;

/// <summary>
/// The writer's inserts and updates, run as SQLite prepared statements bound by position. A group writes about a dozen
/// rows per event, and through <see cref="SqliteCommand"/> each row cost 4-13 µs (parameter objects, a lookup of every
/// parameter by name, a data reader per statement); bound directly it costs about 2. Values are stored exactly as
/// Microsoft.Data.Sqlite stores them, so rows read the same whichever way they were written.
/// </summary>
/// <remarks>
/// Locals are not zeroed (<see cref="SkipLocalsInitAttribute"/>): every value is formatted or encoded into a stack
/// buffer that is then read only as far as it was written, and zeroing those buffers showed as a memset in the
/// writer's profile (several hundred bytes per text value).
/// </remarks>
[SkipLocalsInit]
internal sealed class SqliteWriteStatements(SqliteConnection connection) : INonQueryRunner, IDisposable
{
    private const string DateTimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";
    private const int FormattedValueBytes = 64;
    private const int ShortTextChars = 128;
    private readonly Dictionary<string, Prepared> _prepared = new(StringComparer.Ordinal);

    /// <summary>Runs the statement inside the connection's open transaction, every parameter bound afresh.</summary>
    public void Run(SqlStatement statement)
    {
        var prepared = PrepareToRun(statement.Text, statement.Parameters.Count);
        foreach (var (name, value) in statement.Parameters)
        {
            Bind(prepared.Statement, prepared.IndexOf(name), value);
        }

        Step(prepared.Statement);
    }

    /// <summary>Runs the statement once per row inside the connection's open transaction, the row's values bound in parameter order.</summary>
    public void Run(StatementPerRow statement)
    {
        if (statement.Rows is not [var first, ..])
        {
            return;
        }

        var prepared = PrepareToRun(statement.Text, first.Length);
        foreach (var row in statement.Rows)
        {
            RequireValues(prepared, row.Length);
            for (var i = 0; i < row.Length; i++)
            {
                Bind(prepared.Statement, i + 1, row[i]);
            }

            Step(prepared.Statement);
        }
    }

    public void Dispose()
    {
        foreach (var prepared in _prepared.Values)
        {
            prepared.Statement.Dispose();
        }

        _prepared.Clear();
    }

    /// <summary>
    /// The values the ledger writes (see <see cref="ColumnType"/>), each stored as Microsoft.Data.Sqlite would store it.
    /// Text is encoded (see <see cref="BindText"/>) and amounts and times are formatted into a buffer on the stack, so
    /// binding a value leaves nothing for the collector; SQLite copies what it is given.
    /// </summary>
    private static void Bind(sqlite3_stmt stmt, int index, object? value)
    {
        Span<byte> formatted = stackalloc byte[FormattedValueBytes];
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(stmt, index),
            string text => BindText(stmt, index, text),
            byte[] utf8 => raw.sqlite3_bind_text(stmt, index, utf8),
            int number => raw.sqlite3_bind_int(stmt, index, number),
            long number => raw.sqlite3_bind_int64(stmt, index, number),
            bool flag => raw.sqlite3_bind_int(stmt, index, flag ? 1 : 0),
            decimal amount => raw.sqlite3_bind_text(stmt, index, Formatted(amount, formatted)),
            DateTime time => raw.sqlite3_bind_text(stmt, index, Formatted(time, DateTimeFormat, formatted)),
            _ => throw new ArgumentException($"the ledger writes no {value.GetType().Name} values", nameof(value)),
        };
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, raw.sqlite3_db_handle(stmt));
        }
    }

    /// <summary>
    /// Text as UTF-8, the database's encoding. Bound as UTF-16, SQLite copies it and then converts the copy into a new
    /// buffer when it builds the row (sqlite3VdbeMemTranslate and its allocations showed in the writer's profile); bound as
    /// UTF-8 it is copied once. Short text (ids, SKUs, kinds, tokens) is encoded on the stack.
    /// </summary>
    private static int BindText(sqlite3_stmt stmt, int index, string text)
    {
        if (text.Length > ShortTextChars)
        {
            return raw.sqlite3_bind_text16(stmt, index, text);
        }

        Span<byte> utf8 = stackalloc byte[ShortTextChars * 3];
        return raw.sqlite3_bind_text(stmt, index, utf8[..Encoding.UTF8.GetBytes(text, utf8)]);
    }

    /// <summary>
    /// The amount as Microsoft.Data.Sqlite writes it, with the custom format <c>0.0###…</c> (no trailing zeros, at least
    /// one decimal), made from the general format, which profiled several times quicker: trailing zeros after the point
    /// are dropped down to one, and a whole number gains <c>.0</c>.
    /// </summary>
    private static ReadOnlySpan<byte> Formatted(decimal amount, Span<byte> buffer)
    {
        var general = Formatted(amount, "G", buffer);
        var point = general.IndexOf((byte)'.');
        if (point < 0)
        {
            ".0"u8.CopyTo(buffer[general.Length..]);
            return buffer[..(general.Length + 2)];
        }

        var end = general.Length;
        while (end > point + 2 && general[end - 1] == '0')
        {
            end--;
        }

        return buffer[..end];
    }

    /// <summary>The value's UTF-8 text in <paramref name="buffer"/> (the longest decimal takes 31 bytes, a time 27).</summary>
    private static ReadOnlySpan<byte> Formatted<T>(T value, string format, Span<byte> buffer) where T : IUtf8SpanFormattable =>
        value.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture)
            ? buffer[..written]
            : throw new InvalidOperationException($"{value} does not fit in {buffer.Length} bytes");

    /// <summary>The prepared statement for the text, once it is known to take <paramref name="values"/> parameters and to run inside a transaction.</summary>
    private Prepared PrepareToRun(string text, int values)
    {
        var prepared = Prepare(text);
        RequireValues(prepared, values);
        if (raw.sqlite3_get_autocommit(connection.Handle) != 0)
        {
            // Outside a transaction (never begun, or rolled back by SQLite after a failure) each row would commit on its own.
            throw new InvalidOperationException("the writer's statements run only inside its append transaction");
        }

        return prepared;
    }

    private static void RequireValues(Prepared prepared, int values)
    {
        if (values != prepared.ParameterCount)
        {
            // A parameter left out would keep the value bound on the statement's previous run.
            throw new ArgumentException($"the statement takes {prepared.ParameterCount} parameters, not {values}", nameof(values));
        }
    }

    private static void Step(sqlite3_stmt stmt)
    {
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
