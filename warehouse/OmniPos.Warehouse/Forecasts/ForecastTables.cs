using OmniPos.Warehouse.DuckDb;
using OmniPos.Warehouse.History;

namespace OmniPos.Warehouse.Forecasts;

/// <summary>The forecast tables (Schema/012_forecasts.sql): a training replaces every series in one transaction.</summary>
internal static class ForecastTables
{
    public static void Replace(DuckDbConnection connection, ForecastRun run, IReadOnlyList<ForecastRecord> forecasts) => connection.InTransaction(() =>
    {
        connection.Execute("DELETE FROM forecast_days; DELETE FROM forecast_series;");
        using (var series = connection.CreateAppender("forecast_series"))
        using (var days = connection.CreateAppender("forecast_days"))
        {
            foreach (var forecast in forecasts)
            {
                series.Append(forecast.Key.Sku).Append(forecast.Key.Location).Append(forecast.Pattern).Append(forecast.Method).Append(forecast.DailyError).EndRow();
                for (var day = 0; day < forecast.Mean.Length; day++)
                {
                    days.Append(forecast.Key.Sku).Append(forecast.Key.Location).Append(forecast.StartsOn.AddDays(day)).Append((double)forecast.Mean[day]).EndRow();
                }
            }

            series.Complete();
            days.Complete();
        }

        using var statement = connection.Prepare("INSERT INTO forecast_runs VALUES ($1, $2, $3, $4, $5, $6)");
        statement.BindAll(run.TrainedAt, run.StartsOn, run.Series, run.HistoryDays, run.Seconds, run.Choices).Execute();
        return 0;
    });

    public static ForecastRecord? Find(DuckDbConnection connection, SeriesKey key)
    {
        using var statement = connection.Prepare("""
            SELECT s.pattern, s.method, s.daily_error, min(d.business_date), list(d.mean ORDER BY d.business_date)
            FROM forecast_series s JOIN forecast_days d USING (sku, location)
            WHERE s.sku = $1 AND s.location = $2 GROUP BY ALL
            """);
        using var reader = statement.BindAll(key.Sku, key.Location).Query();
        return reader.Read()
            ? new ForecastRecord(key, reader.GetString(0), reader.GetString(1), reader.GetDouble(2), reader.GetDate(3),
                [.. reader.GetList(4, (vector, index) => (float)vector.GetDouble(index))])
            : null;
    }

    public static ForecastRun? Latest(DuckDbConnection connection)
    {
        using var reader = connection.Query("SELECT trained_at, starts_on, series, history_days, seconds, choices FROM forecast_runs ORDER BY trained_at DESC LIMIT 1");
        return reader.Read()
            ? new ForecastRun(new DateTimeOffset(reader.GetTimestamp(0), TimeSpan.Zero), reader.GetDate(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetDouble(4), reader.GetString(5))
            : null;
    }
}
