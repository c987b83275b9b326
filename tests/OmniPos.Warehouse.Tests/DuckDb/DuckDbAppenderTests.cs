using System.Globalization;
using OmniPos.Warehouse.DuckDb;

namespace OmniPos.Warehouse.Tests.DuckDb;

public sealed class DuckDbAppenderTests : IDisposable
{
    private readonly MemoryDatabase _db = new();

    [Fact]
    public void Every_column_type_round_trips()
    {
        _db.Connection.Execute("""
            CREATE TABLE everything(
                flag BOOLEAN, tiny TINYINT, small SMALLINT, whole INTEGER, big BIGINT, huge HUGEINT, ratio DOUBLE,
                d41 DECIMAL(4,1), d92 DECIMAL(9,2), d182 DECIMAL(18,2), d384 DECIMAL(38,4),
                label VARCHAR, day DATE, local TIMESTAMP, instant TIMESTAMPTZ, tags VARCHAR[])
            """);
        string[] tags = ["a", "", "a string past twelve bytes"];
        using (var appender = _db.Connection.CreateAppender("everything"))
        {
            appender.Append(true).Append(-128).Append(32767).Append(int.MinValue).Append(long.MaxValue).Append(long.MinValue).Append(-2.5e-300)
                .Append(-999.9m).Append(-1234567.89m).Append(12345678901234.56m).Append(-123456789012345678901234.5678m)
                .Append("é日本, past twelve bytes").Append(new DateOnly(2024, 2, 29)).Append(new DateTime(2024, 3, 10, 2, 30, 0).AddTicks(1_234_560))
                .Append(new DateTimeOffset(2024, 7, 1, 12, 0, 0, TimeSpan.FromHours(2))).Append(tags)
                .EndRow();
            for (var i = 0; i < appender.Columns.Count; i++)
            {
                appender.AppendNull();
            }

            appender.EndRow();
            appender.Complete();
        }

        var rows = _db.Rows("SELECT * FROM everything ORDER BY flag NULLS LAST", r => Enumerable.Range(0, r.ColumnNames.Count).Select(r.GetValue).ToArray());

        object?[] expected =
        [
            true, -128L, 32767L, (long)int.MinValue, long.MaxValue, long.MinValue, -2.5e-300,
            -999.9m, -1234567.89m, 12345678901234.56m, -123456789012345678901234.5678m,
            "é日本, past twelve bytes", new DateOnly(2024, 2, 29), new DateTime(2024, 3, 10, 2, 30, 0).AddTicks(1_234_560),
            new DateTime(2024, 7, 1, 10, 0, 0), new object?[] { "a", "", "a string past twelve bytes" },
        ];
        Assert.Equal(2, rows.Count);
        Assert.Equal(expected, rows[0]);
        Assert.All(rows[1], Assert.Null);
        Assert.Equal(true, _db.Scalar("""
            SELECT d182 = 12345678901234.56 AND d384::VARCHAR = '-123456789012345678901234.5678' AND huge = -9223372036854775808
               AND instant = TIMESTAMPTZ '2024-07-01 10:00:00+00' AND local = TIMESTAMP '2024-03-10 02:30:00.123456'
            FROM everything WHERE flag
            """));
    }

    [Fact]
    public void Nullable_values_and_null_text_append_as_null()
    {
        _db.Connection.Execute("CREATE TABLE t(quantity INTEGER, amount DECIMAL(18,2), label VARCHAR)");
        using (var appender = _db.Connection.CreateAppender("t"))
        {
            appender.Append((int?)null).Append((decimal?)null).Append((string?)null).EndRow();
            appender.Append((int?)3).Append((decimal?)1.5m).Append("x").EndRow();
            appender.Complete();
        }

        Assert.Equal(["∅ ∅ ∅", "3 1.50 x"], _db.Rows("SELECT coalesce(quantity::VARCHAR, '∅') || ' ' || coalesce(amount::VARCHAR, '∅') || ' ' || coalesce(label, '∅') FROM t ORDER BY quantity NULLS FIRST", r => r.GetString(0)));
    }

    [Theory]
    [InlineData("1.5", "DECIMAL(18,2)", "1.50")]
    [InlineData("-0.1", "DECIMAL(4,1)", "-0.1")]
    [InlineData("12345678901234.56", "DECIMAL(18,2)", "12345678901234.56")]
    [InlineData("-1234567.8", "DECIMAL(9,2)", "-1234567.80")]
    [InlineData("7", "DECIMAL(38,4)", "7.0000")]
    public void A_decimal_is_stored_at_its_columns_scale_exactly(string value, string type, string stored)
    {
        _db.Connection.Execute($"CREATE TABLE amounts(amount {type})");

        AppendRows("amounts", (appender, _) => appender.Append(decimal.Parse(value, CultureInfo.InvariantCulture)));

        Assert.Equal(stored, _db.Scalar("SELECT amount::VARCHAR FROM amounts"));
    }

    [Fact]
    public void A_decimal_with_more_places_than_its_column_is_refused_and_leaves_the_row_as_it_was()
    {
        _db.Connection.Execute("CREATE TABLE amounts(id INTEGER, amount DECIMAL(18,2))");
        using (var appender = _db.Connection.CreateAppender("amounts"))
        {
            appender.Append(1);
            Assert.Throws<ArgumentException>(() => appender.Append(1.234m));
            appender.Append(1.23m).EndRow();
            appender.Complete();
        }

        Assert.Equal(["1 1.23"], _db.Rows("SELECT id || ' ' || amount FROM amounts", r => r.GetString(0)));
    }

    [Fact]
    public void An_appender_left_after_a_refused_decimal_writes_nothing()
    {
        _db.Connection.Execute("CREATE TABLE amounts(id INTEGER, amount DECIMAL(18,2))");
        using (var appender = _db.Connection.CreateAppender("amounts"))
        {
            appender.Append(1);
            Assert.Throws<ArgumentException>(() => appender.Append(0.001m));
        }

        Assert.Equal(0, _db.Count("amounts"));
    }

    [Theory]
    [InlineData("DECIMAL(4,1)", "1000.0")]
    [InlineData("DECIMAL(9,2)", "-10000000.00")]
    [InlineData("DECIMAL(18,4)", "100000000000000")]
    public void A_decimal_wider_than_its_column_is_refused(string type, string value)
    {
        _db.Connection.Execute($"CREATE TABLE amounts(amount {type})");
        using var appender = _db.Connection.CreateAppender("amounts");

        var refusal = Assert.Throws<OverflowException>(() => appender.Append(decimal.Parse(value, CultureInfo.InvariantCulture)));

        Assert.Contains("column 1 (amount) of amounts", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TINYINT", 128L)]
    [InlineData("TINYINT", -129L)]
    [InlineData("SMALLINT", 32768L)]
    [InlineData("INTEGER", 2147483648L)]
    [InlineData("INTEGER", -2147483649L)]
    public void A_long_that_does_not_fit_its_column_is_refused(string type, long value)
    {
        _db.Connection.Execute($"CREATE TABLE counts(id INTEGER, quantity {type})");
        using var appender = _db.Connection.CreateAppender("counts");
        appender.Append(1);

        var refusal = Assert.Throws<OverflowException>(() => appender.Append(value));

        Assert.Contains("column 2 (quantity) of counts", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_into_an_INTEGER_column_is_refused_with_a_message_naming_the_column()
    {
        _db.Connection.Execute("CREATE TABLE lines(sku VARCHAR, quantity INTEGER)");
        using var appender = _db.Connection.CreateAppender("lines");
        appender.Append("sku-1");

        var refusal = Assert.Throws<InvalidCastException>(() => appender.Append("12"));

        Assert.Equal("column 2 (quantity) of lines is INTEGER; text cannot be appended to it", refusal.Message);
    }

    [Fact]
    public void A_list_of_text_into_a_list_of_integers_is_refused()
    {
        _db.Connection.Execute("CREATE TABLE t(numbers INTEGER[])");
        using var appender = _db.Connection.CreateAppender("t");

        Assert.Throws<InvalidCastException>(() => appender.Append(["1"]));
    }

    /// <summary>A refused value must not reach DuckDB's appender either, or every later value lands one column off.</summary>
    [Fact]
    public void A_refused_value_does_not_take_its_columns_place()
    {
        _db.Connection.Execute("CREATE TABLE readings(whole INTEGER, ratio DOUBLE)");
        using (var appender = _db.Connection.CreateAppender("readings"))
        {
            Assert.Throws<InvalidCastException>(() => appender.Append(1.5));
            Assert.Throws<InvalidCastException>(() => appender.Append(true));
            Assert.Throws<InvalidCastException>(() => appender.Append(new DateOnly(2024, 1, 1)));
            Assert.Throws<InvalidCastException>(() => appender.Append(new DateTime(2024, 1, 1)));
            appender.Append(7).Append(2.5).EndRow();
            appender.Complete();
        }

        Assert.Equal([(7L, 2.5)], _db.Rows("SELECT * FROM readings", r => (r.GetInt64(0), r.GetDouble(1))));
    }

    [Fact]
    public void Ten_thousand_rows_with_nulls_and_lists_cross_chunk_boundaries_intact()
    {
        const int rows = 10_001;
        _db.Connection.Execute($"CREATE TABLE lines({ChunkRows.Columns})");

        AppendRows("lines", (appender, i) =>
        {
            appender.Append(i).Append(ChunkRows.Label(i)).Append(ChunkRows.Amount(i));
            if (ChunkRows.Tags(i) is { } tags)
            {
                appender.Append(tags);
            }
            else
            {
                appender.AppendNull();
            }
        }, rows);

        ChunkRows.AssertAre(rows, _db.Rows("SELECT * FROM lines ORDER BY id", ChunkRows.Read));
    }

    [Fact]
    public void Rows_reach_the_table_only_on_Complete()
    {
        _db.Connection.Execute("CREATE TABLE t(i INTEGER)");
        using var other = _db.Database.Connect();
        using var appender = _db.Connection.CreateAppender("t");
        for (var i = 0; i < 5000; i++)
        {
            appender.Append(i).EndRow();
        }

        Assert.Equal(0, _db.Count("t"));
        Assert.Equal(0, MemoryDatabase.Count(other, "t"));
        appender.Complete();
        Assert.Equal(5000, MemoryDatabase.Count(other, "t"));
    }

    [Fact]
    public void An_appender_disposed_without_Complete_writes_nothing()
    {
        _db.Connection.Execute("CREATE TABLE t(i INTEGER, label VARCHAR)");
        using (var appender = _db.Connection.CreateAppender("t"))
        {
            for (var i = 0; i < 5000; i++)
            {
                appender.Append(i).Append("row").EndRow();
            }

            appender.Append(5000);
        }

        Assert.Equal(0, _db.Count("t"));
    }

    [Fact]
    public void An_incomplete_row_makes_Complete_throw_and_nothing_is_written()
    {
        _db.Connection.Execute("CREATE TABLE t(i INTEGER, label VARCHAR)");
        using (var appender = _db.Connection.CreateAppender("t"))
        {
            appender.Append(1).Append("one").EndRow();
            appender.Append(2);

            Assert.Throws<InvalidOperationException>(appender.Complete);
        }

        Assert.Equal(0, _db.Count("t"));
    }

    [Fact]
    public void A_row_with_too_few_or_too_many_columns_is_refused()
    {
        _db.Connection.Execute("CREATE TABLE t(i INTEGER, label VARCHAR)");
        using var appender = _db.Connection.CreateAppender("t");

        appender.Append(1);
        Assert.Throws<InvalidOperationException>(appender.EndRow);
        appender.Append("one");
        Assert.Throws<InvalidOperationException>(() => appender.Append(2));
        Assert.Throws<InvalidOperationException>(() => appender.AppendNull());
        appender.EndRow();
        appender.Complete();
        Assert.Equal(1, _db.Count("t"));
    }

    [Fact]
    public void Appending_to_a_missing_table_throws_DuckDBs_message()
    {
        var failure = Assert.Throws<DuckDbException>(() => _db.Connection.CreateAppender("nope"));

        Assert.Contains("nope", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// DuckDB writes an appender's rows to the table itself every 204,800; a larger load is all or nothing only in a
    /// transaction, which is what callers are told to use.
    /// </summary>
    [Fact]
    public void A_load_past_DuckDBs_own_flushes_is_undone_with_its_transaction()
    {
        _db.Connection.Execute("CREATE TABLE t(i INTEGER)");

        Assert.Throws<InvalidOperationException>(() => _db.Connection.InTransaction<int>(() =>
        {
            using var appender = _db.Connection.CreateAppender("t");
            for (var i = 0; i < 250_000; i++)
            {
                appender.Append(i).EndRow();
            }

            throw new InvalidOperationException("the load failed");
        }));

        Assert.Equal(0, _db.Count("t"));
    }

    private void AppendRows(string table, Action<DuckDbAppender, int> row, int count = 1)
    {
        using var appender = _db.Connection.CreateAppender(table);
        for (var i = 0; i < count; i++)
        {
            row(appender, i);
            appender.EndRow();
        }

        appender.Complete();
    }

    public void Dispose() => _db.Dispose();
}
