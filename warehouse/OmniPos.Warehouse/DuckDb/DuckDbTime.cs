namespace OmniPos.Warehouse.DuckDb;

/// <summary>DuckDB's time representations: dates as days and timestamps as microseconds since 1970-01-01 (UTC for time-zone-aware ones).</summary>
internal static class DuckDbTime
{
    private static readonly DateOnly Epoch = new(1970, 1, 1);

    public static int Days(DateOnly date) => date.DayNumber - Epoch.DayNumber;

    public static DateOnly Date(int days) => DateOnly.FromDayNumber(Epoch.DayNumber + days);

    public static long Micros(DateTimeOffset instant) => (instant.UtcTicks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;

    public static long Micros(DateTime timestamp) => (timestamp.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;

    public static DateTime Timestamp(long micros) => new(DateTime.UnixEpoch.Ticks + micros * TimeSpan.TicksPerMicrosecond, DateTimeKind.Utc);
}
