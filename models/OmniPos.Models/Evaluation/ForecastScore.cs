namespace OmniPos.Models.Evaluation;

/// <summary>One forecaster's accuracy over the same series and days: WRMSSE (the M5 competition's measure) and WAPE.</summary>
public sealed record ForecastScore(string Forecaster, double Wrmsse, double Wape);
