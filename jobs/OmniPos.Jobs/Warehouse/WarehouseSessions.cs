using OmniPos.Warehouse;

namespace OmniPos.Jobs.Warehouse;

/// <summary>
/// Opens the warehouse for one job's work and closes it after. DuckDB lets one process at a time hold warehouse.duckdb,
/// so it is held only while a job needs it: the jobs that use it take turns here, and a node of a cluster that finds
/// another node holding it fails transiently, to be retried.
/// </summary>
public sealed class WarehouseSessions(DataFolder data) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task<T> UseAsync<T>(Func<AnalyticsWarehouse, Task<T>> work, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            using var warehouse = AnalyticsWarehouse.Open(data.Path);
            return await work(warehouse);
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();
}
