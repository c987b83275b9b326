namespace OmniPos.Ingest.Simulation;

/// <summary>
/// How demand moves with the calendar: a steady trend, the week (shops peak on Saturday, the web early in the week), the
/// department's season, and the holidays (shops close on Thanksgiving and Christmas Day; Black Friday and the weeks before
/// Christmas are the busiest of the year, Cyber Monday online).
/// </summary>
public static class DemandCalendar
{
    public const double YearlyTrend = 0.06;

    /// <summary>Monday first; each week averages 1.</summary>
    public static IReadOnlyList<double> ShopWeek { get; } = [0.80, 0.78, 0.84, 0.92, 1.12, 1.45, 1.09];

    public static IReadOnlyList<double> WebWeek { get; } = [1.08, 1.04, 1.00, 0.98, 0.92, 0.94, 1.04];

    public static double WeekFactor(LocationKind kind, DateOnly day) =>
        (kind == LocationKind.Shop ? ShopWeek : WebWeek)[((int)day.DayOfWeek + 6) % 7];

    /// <summary>Everything but the price and promotions: trend × week × season × holiday; 0 when the location is closed.</summary>
    public static double Factor(LocationKind kind, Department department, DateOnly firstDay, DateOnly day)
    {
        var trend = 1 + (YearlyTrend * (day.DayNumber - firstDay.DayNumber) / 365.25);
        var season = 1 + (department.SeasonAmplitude * Math.Cos(2 * Math.PI * (day.DayOfYear - department.SeasonPeak) / 365.25));
        return trend * WeekFactor(kind, day) * season * Holiday(kind, day);
    }

    public static double Holiday(LocationKind kind, DateOnly day)
    {
        var thanksgiving = NthWeekday(day.Year, 11, DayOfWeek.Thursday, 4);
        var shop = kind == LocationKind.Shop;
        return (day.Month, day.Day) switch
        {
            (12, 25) => shop ? 0 : 0.5,
            (1, 1) => shop ? 0.5 : 0.8,
            (7, 4) => 0.7,
            (12, 24) => shop ? 1.3 : 0.8,
            (12, >= 10 and <= 23) => 1.45,
            _ when day == thanksgiving => shop ? 0 : 1.2,
            _ when day == thanksgiving.AddDays(1) => shop ? 2.4 : 1.8,
            _ when day == thanksgiving.AddDays(4) => shop ? 1.1 : 2.6,
            _ => 1.0,
        };
    }

    private static DateOnly NthWeekday(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays((((int)weekday - (int)first.DayOfWeek + 7) % 7) + (7 * (n - 1)));
    }
}
