namespace OmniPos.Warehouse.Queries.Rows;

/// <summary>Ratios of exact sums, rounded half away from zero at the end; null where the denominator is zero.</summary>
internal static class Ratio
{
    public static decimal? Of(decimal numerator, decimal denominator, int places) =>
        denominator == 0 ? null : Math.Round(numerator / denominator, places, MidpointRounding.AwayFromZero);

    public static decimal? Percent(decimal numerator, decimal denominator) => Of(numerator * 100, denominator, 2);
}
