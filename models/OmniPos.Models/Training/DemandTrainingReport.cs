using OmniPos.Core.Replenishment;
using OmniPos.Models.Forecasting;
using OmniPos.Warehouse.Forecasts;

namespace OmniPos.Models.Training;

/// <summary>What a training did: its run as recorded, the forecast, and the reorder policies it set for the stocked series.</summary>
public sealed record DemandTrainingReport(ForecastRun Run, DemandForecast Forecast, IReadOnlyList<ReorderPolicy> Policies);
