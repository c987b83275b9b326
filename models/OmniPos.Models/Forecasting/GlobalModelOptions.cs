namespace OmniPos.Models.Forecasting;

/// <summary>
/// How the global model learns: at most <see cref="MaximumRows"/> training rows (series × origin × horizon, sampled evenly
/// when there are more), origins every week over the last <see cref="YearsOfOrigins"/> years, and XGBoost's rounds.
/// One year of origins forecast the M5 subset better than two or three in every period compared (models/README.md).
/// </summary>
public sealed record GlobalModelOptions(int MaximumRows = 800_000, int YearsOfOrigins = 1, int Rounds = 500, int EarlyStoppingRounds = 30, int Seed = 7);
