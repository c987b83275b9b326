namespace OmniPos.Models.Forecasting;

/// <summary>
/// Sums over windows of one series' known days, in constant time each: prefix sums that skip days of unknown demand, so a
/// window's mean is the mean of what is known in it (NaN when nothing is), and prefix sums by weekday for the mean of the
/// same weekday over recent weeks.
/// </summary>
internal sealed class DemandWindows
{
    private const int Week = 7;

    private readonly double[] _sums;
    private readonly double[] _squares;
    private readonly int[] _known;
    private readonly int[] _zeros;
    private readonly double[] _weekdaySums;
    private readonly int[] _weekdayKnown;
    private readonly int[] _lastSale;

    public DemandWindows(ReadOnlySpan<float> units)
    {
        var days = units.Length;
        (_sums, _squares, _known, _zeros) = (new double[days + 1], new double[days + 1], new int[days + 1], new int[days + 1]);
        (_weekdaySums, _weekdayKnown, _lastSale) = (new double[days], new int[days], new int[days]);
        var lastSale = -1;
        for (var day = 0; day < days; day++)
        {
            var value = units[day];
            var known = !float.IsNaN(value);
            var counted = known ? value : 0;
            _sums[day + 1] = _sums[day] + counted;
            _squares[day + 1] = _squares[day] + counted * counted;
            _known[day + 1] = _known[day] + (known ? 1 : 0);
            _zeros[day + 1] = _zeros[day] + (known && value == 0 ? 1 : 0);
            _weekdaySums[day] = counted + (day >= Week ? _weekdaySums[day - Week] : 0);
            _weekdayKnown[day] = (known ? 1 : 0) + (day >= Week ? _weekdayKnown[day - Week] : 0);
            if (known && value > 0)
            {
                lastSale = day;
            }

            _lastSale[day] = lastSale;
        }
    }

    public int Days => _lastSale.Length;

    /// <summary>The mean of the known days in [<paramref name="from"/>, <paramref name="to"/>), the window clipped to the series.</summary>
    public float Mean(int from, int to)
    {
        (from, to) = Clip(from, to);
        var known = _known[to] - _known[from];
        return known == 0 ? float.NaN : (float)((_sums[to] - _sums[from]) / known);
    }

    public float StandardDeviation(int from, int to)
    {
        (from, to) = Clip(from, to);
        var known = _known[to] - _known[from];
        if (known < 2)
        {
            return float.NaN;
        }

        var mean = (_sums[to] - _sums[from]) / known;
        return (float)Math.Sqrt(Math.Max(0, (_squares[to] - _squares[from]) / known - mean * mean));
    }

    public float ZeroShare(int from, int to)
    {
        (from, to) = Clip(from, to);
        var known = _known[to] - _known[from];
        return known == 0 ? float.NaN : (float)(_zeros[to] - _zeros[from]) / known;
    }

    /// <summary>The mean of the known days among <paramref name="latest"/> and the <paramref name="weeks"/> − 1 same weekdays before it.</summary>
    public float SameWeekdayMean(int latest, int weeks)
    {
        if (latest < 0)
        {
            return float.NaN;
        }

        var before = latest - weeks * Week;
        var known = _weekdayKnown[latest] - (before >= 0 ? _weekdayKnown[before] : 0);
        return known == 0 ? float.NaN : (float)((_weekdaySums[latest] - (before >= 0 ? _weekdaySums[before] : 0)) / known);
    }

    /// <summary>Days from the last sale before <paramref name="origin"/> to it (NaN when nothing sold before).</summary>
    public float DaysSinceSale(int origin)
    {
        var last = origin > 0 ? _lastSale[Math.Min(origin, Days) - 1] : -1;
        return last < 0 ? float.NaN : origin - last;
    }

    private (int From, int To) Clip(int from, int to) => (Math.Clamp(from, 0, Days), Math.Clamp(to, 0, Days));
}
