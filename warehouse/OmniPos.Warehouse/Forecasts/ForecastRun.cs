namespace OmniPos.Warehouse.Forecasts;

/// <summary>A training: when, the first day it forecasts, how many series, days of history and seconds it took, and what each demand class chose.</summary>
public sealed record ForecastRun(DateTimeOffset TrainedAt, DateOnly StartsOn, int Series, int HistoryDays, double Seconds, string Choices);
