using OmniPos.Warehouse.History;

namespace OmniPos.Models.Forecasting;

/// <summary>
/// Forecasts the mean daily demand of every series of a history for the days after its last one. The history is all a
/// forecaster sees: a backtest hands it a view of the past (<see cref="SalesHistory.KnownBefore"/>).
/// </summary>
public interface IDemandForecaster
{
    /// <summary>The name the accuracy table and the chosen combination call it by.</summary>
    string Name { get; }

    /// <summary>Mean demand per series (in the history's order) and day, for the <paramref name="horizon"/> days from <see cref="SalesHistory.Days"/>.</summary>
    float[][] Forecast(SalesHistory history, int horizon, CancellationToken cancellationToken = default);
}
