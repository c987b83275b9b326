namespace OmniPos.Models.Promotions;

/// <summary>
/// How promotions are measured (the <c>Promotions</c> settings): the days after a promotion its dip is looked for in, the
/// days before it its SKUs' regular value per unit is taken from, the confidence of the intervals, and the complements
/// of each leaf category (where the halo is looked for); a leaf not named has the other leaves of its department.
/// </summary>
public sealed record PromotionSettings
{
    public int DipDays { get; init; } = 7;

    public int PriceDays { get; init; } = 28;

    /// <summary>
    /// Days before a promotion each group's level (what it sold over what the demand model expected of it) is read from,
    /// in whole four-week windows: twice the sales of one window halve the level's sampling variance.
    /// </summary>
    public int LevelDays { get; init; } = 56;

    public double Confidence { get; init; } = 0.9;

    /// <summary>Days of history before a promotion's first day for it to be measured: the demand model forecasts from there.</summary>
    public int MinimumHistoryDays { get; init; } = 56;

    public IReadOnlyDictionary<string, string[]> Complements { get; init; } = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (DipDays is < 0 or > 14 || PriceDays is < 7 or > 365 || MinimumHistoryDays is < 28 or > 730)
        {
            problems.Add("DipDays is 0 to 14, PriceDays 7 to 365 and MinimumHistoryDays 28 to 730");
        }

        if (LevelDays is < 28 or > 364 || LevelDays % 28 != 0)
        {
            problems.Add("LevelDays is a multiple of 28 from 28 to 364");
        }

        if (Confidence is <= 0.5 or >= 1)
        {
            problems.Add("Confidence is above 0.5 and below 1");
        }

        return problems;
    }
}
