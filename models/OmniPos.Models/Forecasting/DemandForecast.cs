namespace OmniPos.Models.Forecasting;

/// <summary>
/// Forecasts of every series of a history from the day after it (<see cref="Start"/>): the chosen one per series, the
/// method each demand class chose in the backtests with its backtest WRMSSE per method, and every candidate's own forecast.
/// </summary>
public sealed record DemandForecast(
    DateOnly Start,
    IReadOnlyList<SeriesForecast> Series,
    IReadOnlyDictionary<DemandPattern, string> Choices,
    IReadOnlyDictionary<DemandPattern, IReadOnlyDictionary<string, double>> BacktestScores,
    IReadOnlyDictionary<string, float[][]> Candidates)
{
    public const string Chosen = "chosen per demand class";

    /// <summary>The chosen means, per series in the history's order.</summary>
    public float[][] Means() => Series.Select(series => series.Mean).ToArray();
}
