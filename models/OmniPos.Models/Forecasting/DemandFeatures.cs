using OmniPos.Warehouse.History;

namespace OmniPos.Models.Forecasting;

/// <summary>
/// The features of the global model for one series, forecast from an origin (the first day not known) for the day
/// <c>origin + horizon − 1</c>: what was known of its demand before the origin (window means, the same weekday in recent
/// weeks, the last day, zero share, days since a sale, the year before), and what is known ahead of the target day (its
/// calendar, event, SNAP flag, price against the recent price, promotion), with the horizon itself and the series' groups.
/// Groups and events are coded by a stable hash of their names, so a saved model reads the same codes in another process.
/// </summary>
internal sealed class DemandFeatures
{
    public static readonly string[] Names =
    [
        "horizon", "weekday", "day_of_month", "month", "event", "event_next_day", "event_in_week", "regional_flag",
        "price", "price_to_year_mean", "price_to_last", "promoted",
        "mean_7", "mean_28", "mean_56", "mean_112", "mean_364",
        "same_weekday_4", "same_weekday_12", "last_day", "zero_share_28", "days_since_sale", "std_28",
        "year_ago", "year_ago_week", "known_days", "category", "department", "location",
    ];

    private const int Week = 7;
    private const int Year = 364;

    private readonly DemandSeries _series;
    private readonly DemandWindows _windows;
    private readonly SalesCalendar _calendar;
    private readonly float[] _prices;
    private readonly double[] _priceSums;
    private readonly int _firstKnown;
    private readonly (float Category, float Department, float Location) _groups;

    public DemandFeatures(DemandSeries series, SalesCalendar calendar, int days)
    {
        _series = series;
        _calendar = calendar;
        _windows = new DemandWindows(series.Units.AsSpan(0, days));
        _prices = CarriedPrices(series.Prices);
        _priceSums = new double[_prices.Length + 1];
        for (var day = 0; day < _prices.Length; day++)
        {
            _priceSums[day + 1] = _priceSums[day] + _prices[day];
        }
        _firstKnown = series.FirstKnownDay();
        _groups = (StableCode(series.Category), StableCode(series.Department), StableCode(series.Key.Location));
    }

    public static int Count => Names.Length;

    /// <summary>The first known day of the series: rows start some weeks after it.</summary>
    public int FirstKnownDay => _firstKnown;

    public void Fill(Span<float> row, int origin, int horizon)
    {
        var target = origin + horizon - 1;
        var date = _calendar.DateOf(target);
        var price = PriceOn(target);
        var yearMeanPrice = MeanPrice(origin - Year, origin);
        var lastPrice = PriceOn(origin - 1);
        var latestSameWeekday = target - Week * ((target - origin) / Week + 1);
        var i = 0;
        row[i++] = horizon;
        row[i++] = (int)date.DayOfWeek;
        row[i++] = date.Day;
        row[i++] = date.Month;
        row[i++] = StableCode(_calendar.EventOn(target));
        row[i++] = StableCode(_calendar.EventOn(target + 1));
        row[i++] = DaysToNextEvent(target);
        row[i++] = _calendar.Flagged(_series.Region, target) ? 1 : 0;
        row[i++] = price;
        row[i++] = price / yearMeanPrice;
        row[i++] = price / lastPrice;
        row[i++] = target < _series.Promoted.Length && _series.Promoted[target] ? 1 : 0;
        row[i++] = _windows.Mean(origin - 7, origin);
        row[i++] = _windows.Mean(origin - 28, origin);
        row[i++] = _windows.Mean(origin - 56, origin);
        row[i++] = _windows.Mean(origin - 112, origin);
        row[i++] = _windows.Mean(origin - Year, origin);
        row[i++] = _windows.SameWeekdayMean(latestSameWeekday, 4);
        row[i++] = _windows.SameWeekdayMean(latestSameWeekday, 12);
        row[i++] = _windows.Mean(origin - 1, origin);
        row[i++] = _windows.ZeroShare(origin - 28, origin);
        row[i++] = _windows.DaysSinceSale(origin);
        row[i++] = _windows.StandardDeviation(origin - 28, origin);
        row[i++] = _windows.Mean(target - Year, target - Year + 1);
        row[i++] = _windows.Mean(target - Year - 3, target - Year + 4);
        row[i++] = Math.Max(0, origin - _firstKnown);
        row[i++] = _groups.Category;
        row[i++] = _groups.Department;
        row[i] = _groups.Location;
    }

    /// <summary>A code for a name that is the same in every process (FNV-1a, folded to 24 bits so a float holds it exactly); 0 for "".</summary>
    internal static float StableCode(string name)
    {
        if (name.Length == 0)
        {
            return 0;
        }

        var hash = 2166136261u;
        foreach (var character in name)
        {
            hash = (hash ^ character) * 16777619u;
        }

        return (hash >> 8 ^ hash & 0xFF) & 0xFFFFFF;
    }

    private float DaysToNextEvent(int target)
    {
        for (var ahead = 0; ahead < Week; ahead++)
        {
            if (_calendar.EventOn(target + ahead).Length > 0)
            {
                return ahead;
            }
        }

        return Week;
    }

    private float PriceOn(int day) => _prices.Length == 0 ? float.NaN : _prices[Math.Clamp(day, 0, _prices.Length - 1)];

    /// <summary>The mean price over [from, to) clipped to the series: NaN when the series has no price at all (then every day is NaN).</summary>
    private float MeanPrice(int from, int to)
    {
        (from, to) = (Math.Clamp(from, 0, _prices.Length), Math.Clamp(to, 0, _prices.Length));
        return to > from ? (float)((_priceSums[to] - _priceSums[from]) / (to - from)) : float.NaN;
    }

    /// <summary>
    /// Each day's price, a day without one taking the last price before it (or, before the first, the first): no day is
    /// NaN unless every day is.
    /// </summary>
    private static float[] CarriedPrices(float[] prices)
    {
        var carried = (float[])prices.Clone();
        var first = Array.FindIndex(carried, price => !float.IsNaN(price));
        if (first < 0)
        {
            return carried;
        }

        Array.Fill(carried, carried[first], 0, first);
        for (var day = first + 1; day < carried.Length; day++)
        {
            if (float.IsNaN(carried[day]))
            {
                carried[day] = carried[day - 1];
            }
        }

        return carried;
    }
}
