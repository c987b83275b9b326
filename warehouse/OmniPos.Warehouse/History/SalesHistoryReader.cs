using OmniPos.Warehouse.DuckDb;
using OmniPos.Warehouse.Schema;

namespace OmniPos.Warehouse.History;

/// <summary>
/// Reads every series' daily demand (History/DemandHistory.sql: landed sales with out-of-stock days censored, and the
/// imported history before them) into one <see cref="SalesHistory"/>, on the imported calendar of events and flags.
/// </summary>
internal static class SalesHistoryReader
{
    private const string CalendarSql = """
        SELECT business_date, event_type, flagged_regions FROM history_calendar
        WHERE business_date >= (SELECT min(business_date) FROM demand_days)
        ORDER BY business_date
        """;

    private const string SalesSql = """
        SELECT d.sku, d.location, coalesce(i.department, p.category, 'unknown'), coalesce(i.category, p.subcategory, p.category, 'unknown'),
               coalesce(l.region, ''), d.business_date, d.units, d.price, d.promoted
        FROM demand_days d LEFT JOIN history_items i USING (sku) LEFT JOIN dim_product p USING (sku) LEFT JOIN history_locations l USING (location)
        ORDER BY d.sku, d.location, d.business_date
        """;

    private static readonly Lazy<string> DemandSql = new(() => EmbeddedSql.Read("History/DemandHistory.sql"));

    /// <summary>The history from its first day to its last, or null when the warehouse holds none.</summary>
    public static SalesHistory? Read(DuckDbConnection connection, CancellationToken cancellationToken)
    {
        connection.Execute(DemandSql.Value, cancellationToken);
        DateOnly first, last;
        using (var range = connection.Query("SELECT min(business_date), max(business_date) FROM demand_days", cancellationToken))
        {
            range.Read();
            if (range.IsNull(0))
            {
                return null;
            }

            (first, last) = (range.GetDate(0), range.GetDate(1));
        }

        var days = last.DayNumber - first.DayNumber + 1;
        var calendar = ReadCalendar(connection, first, days, cancellationToken);
        return new SalesHistory(calendar, days, ReadSeries(connection, calendar, days, cancellationToken));
    }

    private static SalesCalendar ReadCalendar(DuckDbConnection connection, DateOnly first, int historyDays, CancellationToken cancellationToken)
    {
        using var reader = connection.Query(CalendarSql, cancellationToken);
        var rows = reader.ReadAll(row => (Date: row.GetDate(0), Event: row.GetString(1), Regions: row.GetList(2, (vector, index) => vector.GetString(index))));
        var days = Math.Max(historyDays, rows.Count == 0 ? 0 : rows[^1].Date.DayNumber - first.DayNumber + 1);
        var events = Enumerable.Repeat("", days).ToArray();
        var flags = new Dictionary<string, bool[]>(StringComparer.Ordinal);
        foreach (var (date, eventType, regions) in rows)
        {
            var day = date.DayNumber - first.DayNumber;
            events[day] = eventType;
            foreach (var region in regions)
            {
                if (!flags.TryGetValue(region, out var flagged))
                {
                    flags[region] = flagged = new bool[days];
                }

                flagged[day] = true;
            }
        }

        return new SalesCalendar(first, days, events, flags);
    }

    private static List<DemandSeries> ReadSeries(DuckDbConnection connection, SalesCalendar calendar, int days, CancellationToken cancellationToken)
    {
        var series = new List<DemandSeries>();
        DemandSeries? current = null;
        using var reader = connection.Query(SalesSql, cancellationToken);
        while (reader.Read())
        {
            var key = new SeriesKey(reader.GetString(0), reader.GetString(1));
            if (current is null || current.Key != key)
            {
                current = new DemandSeries(key, reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    Filled(days, float.NaN), Filled(days, float.NaN), new bool[days]);
                series.Add(current);
            }

            var day = calendar.DayOf(reader.GetDate(5));
            current.Units[day] = reader.IsNull(6) ? float.NaN : (float)reader.GetDouble(6);
            current.Prices[day] = reader.IsNull(7) ? float.NaN : (float)reader.GetDouble(7);
            current.Promoted[day] = reader.GetBoolean(8);
        }

        return series;
    }

    private static float[] Filled(int length, float value)
    {
        var values = new float[length];
        Array.Fill(values, value);
        return values;
    }
}
