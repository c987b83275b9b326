namespace OmniPos.Models.Forecasting;

/// <summary>
/// Syntetos and Boylan's demand classes, from a series' last year of known days: how many days pass per sale (ADI, cut at
/// 1.32) and how much sale sizes vary (CV² of the non-zero days, cut at 0.49). A series with no sale in that year is
/// <see cref="Lumpy"/>: nothing regular is known of it.
/// </summary>
public enum DemandPattern
{
    Smooth,
    Erratic,
    Intermittent,
    Lumpy,
}

internal static class DemandPatterns
{
    private const double IntervalCut = 1.32;
    private const double VariationCut = 0.49;
    private const int Year = 364;

    public static DemandPattern Classify(ReadOnlySpan<float> units, int origin)
    {
        var (known, sales, sum, squares) = (0, 0, 0.0, 0.0);
        foreach (var value in units[Math.Max(0, origin - Year)..origin])
        {
            if (float.IsNaN(value))
            {
                continue;
            }

            known++;
            if (value > 0)
            {
                (sales, sum, squares) = (sales + 1, sum + value, squares + (double)value * value);
            }
        }

        if (sales == 0)
        {
            return DemandPattern.Lumpy;
        }

        var mean = sum / sales;
        var variation = (squares / sales - mean * mean) / (mean * mean);
        var frequent = (double)known / sales < IntervalCut;
        var steady = variation < VariationCut;
        return (frequent, steady) switch
        {
            (true, true) => DemandPattern.Smooth,
            (true, false) => DemandPattern.Erratic,
            (false, true) => DemandPattern.Intermittent,
            _ => DemandPattern.Lumpy,
        };
    }
}
