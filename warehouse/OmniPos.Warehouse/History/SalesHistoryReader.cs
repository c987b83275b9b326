using OmniPos.Warehouse.DuckDb;

namespace OmniPos.Warehouse.History;

/// <summary>Reads the warehouse's history tables into one <see cref="SalesHistory"/>: every series, day by day.</summary>
internal static class SalesHistoryReader
{
    private const string CalendarSql = """
        SELECT business_date, event_type, flagged_regions FROM history_calendar
        WHERE business_date >= (SELECT min(business_date) FROM history_sales)
        ORDER BY business_date
        """;

    private const string SalesSql = """
        SELECT s.sku, s.location, coalesce(i.department, 'unknown'), coalesce(i.category, 'unknown'), coalesce(l.region, ''),
               s.business_date, s.units, s.price, s.promoted
        FROM history_sales s LEFT JOIN history_items i USING (sku) LEFT JOIN history_locations l USING (location)
        ORDER BY s.sku, s.location, s.business_date
        """;

    /// <summary>The history from its first day to its last, or null when the warehouse holds none.</summary>
    public static SalesHistory? Read(DuckDbConnection connection, CancellationToken cancellationToken)
    {
        DateOnly first, last;
        using (var range = connection.Query("SELECT min(business_date), max(business_date) FROM history_sales", cancellationToken))
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
            current.Prices[day] = reader.IsNull(7) ? float.NaN : (float)reader.GetDecimal(7);
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
