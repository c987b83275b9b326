using System.Globalization;
using OmniPos.Warehouse.DuckDb;

namespace OmniPos.Warehouse.Tests.DuckDb;

public sealed class DuckDbStatementTests : IDisposable
{
    private readonly MemoryDatabase _db = new();

    /// <summary>A value of each type a parameter takes, the SQL literal that means the same, and what reading it answers.</summary>
    public static TheoryData<object?, string, object?> Bindings => new()
    {
        { null, "NULL", null },
        { true, "true", true },
        { 42, "42", 42L },
        { long.MinValue, "(-9223372036854775808)::BIGINT", long.MinValue },
        { 0.1, "0.1::DOUBLE", 0.1 },
        { 12345678901234.56m, "12345678901234.56::DECIMAL(18,2)", 12345678901234.56m },
        { -0.0001m, "(-0.0001)::DECIMAL(18,4)", -0.0001m },
        { "it's \"quoted\": é, 日本", "'it''s \"quoted\": é, 日本'", "it's \"quoted\": é, 日本" },
        { "", "''", "" },
        { new DateOnly(2024, 2, 29), "DATE '2024-02-29'", new DateOnly(2024, 2, 29) },
        { new DateTime(2024, 3, 10, 2, 30, 0).AddTicks(1_234_560), "TIMESTAMP '2024-03-10 02:30:00.123456'", new DateTime(2024, 3, 10, 2, 30, 0).AddTicks(1_234_560) },
        { new DateTimeOffset(2024, 7, 1, 12, 0, 0, TimeSpan.FromHours(2)), "TIMESTAMPTZ '2024-07-01 10:00:00+00'", new DateTime(2024, 7, 1, 10, 0, 0) },
        { new List<string> { "a", "a string past twelve bytes", "é" }, "['a', 'a string past twelve bytes', 'é']", new object?[] { "a", "a string past twelve bytes", "é" } },
        { Array.Empty<string>(), "[]::VARCHAR[]", Array.Empty<object?>() },
        { new List<long> { 1, -2 }, "[1, -2]::BIGINT[]", new object?[] { 1L, -2L } },
    };

    [Theory]
    [MemberData(nameof(Bindings))]
    public void A_bound_value_is_the_value_its_SQL_literal_means(object? value, string literal, object? read)
    {
        Assert.Equal(true, _db.Scalar($"SELECT ? IS NOT DISTINCT FROM {literal}", [value]));
        Assert.Equal(read, _db.Scalar("SELECT ?", [value]));
    }

    [Theory]
    [InlineData("12345678901234.56")]
    [InlineData("1.10")]
    [InlineData("-79228162514264337593543950335")]
    [InlineData("0.0000000000000000000000000001")]
    public void A_decimal_binds_with_every_digit(string text)
    {
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);

        Assert.Equal(text, _db.Scalar("SELECT ?::VARCHAR", value));
    }

    [Fact]
    public void A_DateTimeOffset_is_stored_as_its_UTC_instant()
    {
        _db.Connection.Execute("CREATE TABLE events(happened TIMESTAMPTZ); SET TimeZone = 'America/Los_Angeles'");
        using (var insert = _db.Connection.Prepare("INSERT INTO events VALUES (?)"))
        {
            insert.BindAll(new DateTimeOffset(2024, 7, 1, 12, 0, 0, TimeSpan.FromHours(2))).Execute();
        }

        Assert.Equal(new DateTime(2024, 7, 1, 10, 0, 0), _db.Scalar("SELECT happened FROM events"));
        Assert.Equal("2024-07-01 03:00:00-07", _db.Scalar("SELECT happened::VARCHAR FROM events"));
    }

    [Theory]
    [InlineData("SELECT id FROM stores WHERE list_contains(?, id) ORDER BY id")]
    [InlineData("SELECT id FROM stores WHERE id IN (SELECT unnest(?)) ORDER BY id")]
    public void A_list_of_strings_filters_rows(string sql)
    {
        _db.Connection.Execute("CREATE TABLE stores(id VARCHAR); INSERT INTO stores VALUES ('s1'), ('s2'), ('store three, far away')");
        string[] wanted = ["s1", "store three, far away", "elsewhere"];

        // In brackets: a string[] passed alone to a params object?[] would be taken for the parameters themselves.
        Assert.Equal(["s1", "store three, far away"], _db.Rows(sql, r => r.GetString(0), [wanted]));
        Assert.Empty(_db.Rows(sql, r => r.GetString(0), [Array.Empty<string>()]));
    }

    [Fact]
    public void A_statement_runs_again_with_its_values_bound_anew_or_kept()
    {
        using var statement = _db.Connection.Prepare("SELECT ? * 2");

        Assert.Equal(2L, Only(statement.BindAll(1)));
        Assert.Equal(42L, Only(statement.BindAll(21)));
        Assert.Equal(42L, Only(statement));
    }

    [Fact]
    public void An_insert_runs_once_for_each_binding()
    {
        _db.Connection.Execute("CREATE TABLE sales(store VARCHAR, day DATE, amount DECIMAL(18,2))");
        using var insert = _db.Connection.Prepare("INSERT INTO sales VALUES ($1, $2, $3)");

        Assert.Equal(1, insert.BindAll("s1", new DateOnly(2024, 1, 1), 10.50m).Execute());
        Assert.Equal(1, insert.BindAll("s2", new DateOnly(2024, 1, 2), -3.25m).Execute());
        Assert.Equal(1, insert.Bind(1, null).Execute());

        Assert.Equal(
            ["s1 2024-01-01 10.50", "s2 2024-01-02 -3.25", "∅ 2024-01-02 -3.25"],
            _db.Rows("SELECT coalesce(store, '∅') || ' ' || day || ' ' || amount FROM sales ORDER BY store NULLS LAST", r => r.GetString(0)));
    }

    [Fact]
    public void Named_parameters_bind_by_name_in_the_order_they_first_appear()
    {
        using var statement = _db.Connection.Prepare("SELECT $later - $earlier, $later");

        Assert.Equal(["later", "earlier"], statement.ParameterNames);
        statement.Bind("earlier", 1).Bind("later", 10);
        using var reader = statement.Query();
        Assert.Equal([(9L, 10L)], reader.ReadAll(r => (r.GetInt64(0), r.GetInt64(1))));
        Assert.Throws<ArgumentException>(() => statement.Bind("missing", 1));
    }

    [Fact]
    public void Binding_a_position_the_statement_does_not_have_throws()
    {
        using var statement = _db.Connection.Prepare("SELECT ?, ?");

        Assert.Throws<ArgumentOutOfRangeException>(() => statement.Bind(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => statement.Bind(3, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => statement.BindAll(1, 2, 3));
    }

    [Fact]
    public void A_value_of_a_type_DuckDB_is_not_given_is_refused() =>
        Assert.Throws<ArgumentException>(() => _db.Scalar("SELECT ?", Guid.NewGuid()));

    private static object? Only(DuckDbStatement statement)
    {
        using var reader = statement.Query();
        return Assert.Single(reader.ReadAll(r => r.GetValue(0)));
    }

    public void Dispose() => _db.Dispose();
}
