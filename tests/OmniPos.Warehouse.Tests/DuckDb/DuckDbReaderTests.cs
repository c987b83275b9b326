using System.Globalization;
using System.Text;
using OmniPos.Warehouse.DuckDb;

namespace OmniPos.Warehouse.Tests.DuckDb;

public sealed class DuckDbReaderTests : IDisposable
{
    private readonly MemoryDatabase _db = new();

    /// <summary>A SQL literal of each type the reader knows, and the value it means, written out by hand.</summary>
    public static TheoryData<string, object> Literals => new()
    {
        { "true", true },
        { "false", false },
        { "(-128)::TINYINT", -128L },
        { "(-32768)::SMALLINT", -32768L },
        { "(-2147483648)::INTEGER", -2147483648L },
        { "(-9223372036854775808)::BIGINT", long.MinValue },
        { "255::UTINYINT", 255L },
        { "65535::USMALLINT", 65535L },
        { "4294967295::UINTEGER", 4294967295L },
        { "9223372036854775807::UBIGINT", long.MaxValue },
        { "(-9223372036854775808)::HUGEINT", long.MinValue },
        { "1.5::REAL", 1.5 },
        { "(-2.5e300)::DOUBLE", -2.5e300 },
        { "123.4::DECIMAL(4,1)", 123.4m },
        { "(-999.9)::DECIMAL(4,1)", -999.9m },
        { "(-1234567.89)::DECIMAL(9,2)", -1234567.89m },
        { "9999999999999999.99::DECIMAL(18,2)", 9999999999999999.99m },
        { "(-0.01)::DECIMAL(18,2)", -0.01m },
        { "(-123456789012345678901234.5678)::DECIMAL(38,4)", -123456789012345678901234.5678m },
        { "'abc'", "abc" },
        { "'a string well past twelve bytes'", "a string well past twelve bytes" },
        { "'é日本'", "é日本" },
        { "DATE '2024-02-29'", new DateOnly(2024, 2, 29) },
        { "DATE '1969-12-31'", new DateOnly(1969, 12, 31) },
        { "DATE '0001-01-01'", DateOnly.MinValue },
        { "TIMESTAMP '2024-03-10 02:30:00.123456'", new DateTime(2024, 3, 10, 2, 30, 0, DateTimeKind.Utc).AddTicks(1_234_560) },
        { "TIMESTAMP '1965-06-01 12:00:00.5'", new DateTime(1965, 6, 1, 12, 0, 0, 500, DateTimeKind.Utc) },
        { "TIMESTAMPTZ '2024-07-01 12:00:00+02'", new DateTime(2024, 7, 1, 10, 0, 0, DateTimeKind.Utc) },
        { "['a', NULL, 'a string past twelve bytes', 'é日本']", new object?[] { "a", null, "a string past twelve bytes", "é日本" } },
        { "[1, -2, NULL, 2147483647]", new object?[] { 1L, -2L, null, 2147483647L } },
        { "[[], [1, 2], []]::INTEGER[][]", new object?[] { Array.Empty<object?>(), new object?[] { 1L, 2L }, Array.Empty<object?>() } },
        { "[]::VARCHAR[]", Array.Empty<object?>() },
    };

    [Theory]
    [MemberData(nameof(Literals))]
    public void Each_type_reads_as_the_value_its_literal_means(string literal, object expected) =>
        Assert.Equal(expected, _db.Scalar($"SELECT {literal}"));

    [Theory]
    [MemberData(nameof(Literals))]
    public void Nulls_read_as_null_between_values_of_each_type(string literal, object expected)
    {
        var rows = _db.Rows($"SELECT CASE WHEN i % 2 = 1 THEN NULL ELSE {literal} END FROM range(5) t(i) ORDER BY i", r => (Null: r.IsNull(0), Value: r.GetValue(0)));

        Assert.Equal([false, true, false, true, false], rows.Select(r => r.Null));
        Assert.Equal([expected, null, expected, null, expected], rows.Select(r => r.Value));
    }

    [Fact]
    public void Typed_getters_read_their_types()
    {
        using var reader = _db.Connection.Query(
            "SELECT true, 42::TINYINT, 2147483647, 0.1::DOUBLE + 0.2::DOUBLE, 5::DECIMAL(18,2), DATE '2024-02-29', TIMESTAMP '2024-03-10 02:30:00', ['x', 'y'], 7::HUGEINT");

        Assert.True(reader.Read());
        Assert.True(reader.GetBoolean(0));
        Assert.Equal(42, reader.GetInt32(1));
        Assert.Equal(int.MaxValue, reader.GetInt32(2));
        Assert.Equal(0.1 + 0.2, reader.GetDouble(3));
        Assert.Equal(5.00m, reader.GetDecimal(4));
        Assert.Equal(new DateOnly(2024, 2, 29), reader.GetDate(5));
        Assert.Equal(new DateTime(2024, 3, 10, 2, 30, 0), reader.GetTimestamp(6));
        Assert.Equal(["x", "y"], reader.GetList(7, static (element, i) => element.GetString(i)));
        Assert.Equal(7L, reader.GetInt64(8));
        Assert.False(reader.Read());
    }

    [Fact]
    public void A_getter_of_another_type_is_refused()
    {
        using var reader = _db.Connection.Query("SELECT 1, 'one', 1.5::DOUBLE");
        Assert.True(reader.Read());

        Assert.Throws<InvalidCastException>(() => reader.GetString(0));
        Assert.Throws<InvalidCastException>(() => reader.GetInt64(1));
        Assert.Throws<InvalidCastException>(() => reader.GetDecimal(2));
        Assert.Throws<InvalidCastException>(() => reader.GetList(0, static (element, i) => element.GetString(i)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("twelve bytes")]
    [InlineData("thirteen byte")]
    [InlineData("é")]
    [InlineData("日本")]
    [InlineData("日本日本")]
    [InlineData("日本日本x")]
    [InlineData("café, 日本語のテキスト, and an apostrophe: it's")]
    public void Strings_either_side_of_the_twelve_bytes_DuckDB_inlines_read_whole(string text)
    {
        var quoted = $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";

        var row = Assert.Single(_db.Rows($"SELECT {quoted}, strlen({quoted})", r => (Text: r.GetString(0), Bytes: r.GetInt64(1))));

        Assert.Equal(text, row.Text);
        Assert.Equal(Encoding.UTF8.GetByteCount(text), row.Bytes);
    }

    [Theory]
    [InlineData("5::DECIMAL(18,2)", "5.00")]
    [InlineData("(-0.5)::DECIMAL(4,1)", "-0.5")]
    [InlineData("(-1234567.8)::DECIMAL(9,2)", "-1234567.80")]
    [InlineData("1::DECIMAL(38,4)", "1.0000")]
    public void Decimals_read_exactly_at_their_columns_scale(string literal, string expected) =>
        Assert.Equal(expected, Convert.ToString(_db.Scalar($"SELECT {literal}"), CultureInfo.InvariantCulture));

    [Fact]
    public void A_sum_over_DECIMAL_18_2_reads_exactly_as_the_DECIMAL_38_2_it_is()
    {
        _db.Connection.Execute("""
            CREATE TABLE amounts(amount DECIMAL(18,2));
            INSERT INTO amounts SELECT (i * 0.37 - 1000)::DECIMAL(18,2) FROM range(10000) t(i);
            INSERT INTO amounts VALUES (9999999999999999.99), (9999999999999999.99);
            """);
        var expected = Enumerable.Range(0, 10_000).Sum(i => i * 0.37m - 1000) + 2 * 9999999999999999.99m;

        using var reader = _db.Connection.Query("SELECT sum(amount), typeof(sum(amount)) FROM amounts");

        Assert.True(reader.Read());
        Assert.Equal("DECIMAL(38,2)", reader.GetString(1));
        Assert.Equal("DECIMAL(38,2)", reader.GetColumnType(0).ToString());
        Assert.Equal(expected, reader.GetDecimal(0));
        Assert.Equal(2, reader.GetDecimal(0).Scale);
    }

    [Theory]
    [InlineData("18446744073709551615::UBIGINT")]
    [InlineData("170141183460469231731687303715884105727::HUGEINT")]
    [InlineData("12345678901234567890123456789012.3456::DECIMAL(38,4)")]
    public void A_number_beyond_its_NET_type_throws_instead_of_wrapping(string literal) =>
        Assert.Throws<OverflowException>(() => _db.Scalar($"SELECT {literal}"));

    [Theory]
    [InlineData("UTC", 12)]
    [InlineData("Asia/Tokyo", 3)]
    [InlineData("America/Los_Angeles", 19)]
    public void TIMESTAMPTZ_reads_as_its_UTC_instant_whatever_the_session_time_zone(string zone, int utcHour)
    {
        _db.Connection.Execute($"SET TimeZone = '{zone}'");

        // The first is an instant whatever the zone; the second is noon where the session is.
        var instants = _db.Rows("SELECT TIMESTAMPTZ '2024-07-01 12:00:00+02', TIMESTAMPTZ '2024-07-01 12:00:00'", r => (r.GetTimestamp(0), r.GetTimestamp(1)));

        var (fixedInstant, sessionNoon) = Assert.Single(instants);
        Assert.Equal(new DateTime(2024, 7, 1, 10, 0, 0), fixedInstant);
        Assert.Equal(new DateTime(2024, 7, 1, utcHour, 0, 0), sessionNoon);
        Assert.Equal(DateTimeKind.Utc, fixedInstant.Kind);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2047)]
    [InlineData(2048)]
    [InlineData(2049)]
    [InlineData(10_000)]
    public void Results_read_every_row_across_chunk_boundaries(int rows) =>
        ChunkRows.AssertAre(rows, _db.Rows(ChunkRows.Sql(rows), ChunkRows.Read));

    [Fact]
    public void An_empty_result_has_no_rows() => Assert.Empty(_db.Rows("SELECT 1 WHERE false", r => r.GetInt32(0)));

    [Theory]
    [InlineData("SELECT CASE WHEN i < 5000 THEN i::VARCHAR ELSE 'x' END::INTEGER FROM range(10000) t(i)", "Could not convert string 'x' to INT32")]
    [InlineData("SELECT CASE WHEN i = 6000 THEN error('row 6000 fails') ELSE i END FROM range(10000) t(i)", "row 6000 fails")]
    public void A_failure_in_a_later_row_throws_DuckDBs_message_instead_of_ending_the_result(string sql, string message)
    {
        var failure = Assert.Throws<DuckDbException>(() => _db.Rows(sql, r => r.GetValue(0)));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_in_a_later_row_of_a_prepared_statement_throws_too()
    {
        var failure = Assert.Throws<DuckDbException>(() =>
            _db.Rows("SELECT CASE WHEN i < ? THEN i::VARCHAR ELSE 'x' END::INTEGER FROM range(10000) t(i)", r => r.GetValue(0), 5000));

        Assert.Contains("Could not convert string 'x' to INT32", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_off_a_row_throws_instead_of_reading_a_destroyed_chunk()
    {
        using var reader = _db.Connection.Query("SELECT 'a string past twelve bytes'");

        Assert.Throws<InvalidOperationException>(() => reader.GetString(0));
        Assert.True(reader.Read());
        Assert.Equal("a string past twelve bytes", reader.GetString(0));
        Assert.False(reader.Read());
        Assert.Throws<InvalidOperationException>(() => reader.GetString(0));
        Assert.False(reader.Read());
    }

    [Fact]
    public void Column_names_are_DuckDBs()
    {
        using var reader = _db.Connection.Query("SELECT 1 AS one, 'x' AS \"Ünïcode name\", 2");

        Assert.Equal(["one", "Ünïcode name", "2"], reader.ColumnNames);
    }

    public void Dispose() => _db.Dispose();
}
