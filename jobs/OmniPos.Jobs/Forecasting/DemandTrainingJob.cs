using OmniPos.Core.Storage;
using OmniPos.Jobs.Warehouse;
using OmniPos.Models.Training;

namespace OmniPos.Jobs.Forecasting;

/// <summary>
/// Forecasts every series 28 days ahead and sets the reorder policies (<see cref="DemandTraining"/>); nightly, then the
/// alerts sweep. Until the warehouse holds enough history it succeeds saying so, rather than failing every night.
/// </summary>
public sealed class DemandTrainingJob(WarehouseSessions warehouse, IOperationalStore store, DemandTraining training) : IScheduledJob
{
    public const string Name = "demand-training";

    public async Task<JobResult> RunAsync(CancellationToken cancellationToken)
    {
        DemandTrainingReport report;
        try
        {
            report = await warehouse.UseAsync(w => training.RunAsync(w, store, cancellationToken), cancellationToken);
        }
        catch (NotEnoughHistoryException notYet)
        {
            return new JobResult(0, notYet.Message);
        }

        return new JobResult(report.Run.Series,
            $"{report.Run.Series:N0} series forecast from {report.Run.StartsOn:yyyy-MM-dd} in {report.Run.Seconds:N0} s ({report.Run.Choices}); {report.Policies.Count:N0} reorder policies set");
    }
}
