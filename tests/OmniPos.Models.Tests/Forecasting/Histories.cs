using OmniPos.Warehouse.History;

namespace OmniPos.Models.Tests.Forecasting;

/// <summary>Small histories built in the test: series of daily units from Monday 2024-01-01, a price of 2.50 every day.</summary>
internal static class Histories
{
    public static readonly DateOnly Monday = new(2024, 1, 1);

    public static SalesHistory Of(params float[][] units)
    {
        var days = units.Max(series => series.Length);
        var series = units.Select((values, index) => new DemandSeries(
            new SeriesKey($"SKU-{index}", "store-1"), "grocery", "tea", "", values, Enumerable.Repeat(2.5f, values.Length).ToArray(), new bool[values.Length]))
            .ToList();
        return new SalesHistory(SalesCalendar.Plain(Monday, days), days, series);
    }

    /// <summary><paramref name="weeks"/> weeks of the same week, Monday first.</summary>
    public static float[] Weekly(int weeks, params float[] week) => Enumerable.Range(0, weeks * 7).Select(day => week[day % 7]).ToArray();

    /// <summary>Poisson demand with a weekly rhythm, reproducible from <paramref name="seed"/>.</summary>
    public static float[] Poisson(int days, double mean, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, days).Select(day =>
        {
            var rate = mean * (day % 7 >= 5 ? 1.6 : 0.8);
            var (limit, product, count) = (Math.Exp(-rate), random.NextDouble(), 0);
            while (product > limit)
            {
                product *= random.NextDouble();
                count++;
            }

            return (float)count;
        }).ToArray();
    }
}
