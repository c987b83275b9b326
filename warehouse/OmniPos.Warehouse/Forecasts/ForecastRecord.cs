using OmniPos.Warehouse.History;

namespace OmniPos.Warehouse.Forecasts;

/// <summary>One series' stored forecast: its demand class, the method chosen for it, the method's typical daily error, and mean demand per day from <see cref="StartsOn"/>.</summary>
public sealed record ForecastRecord(SeriesKey Key, string Pattern, string Method, double DailyError, DateOnly StartsOn, float[] Mean);
