using OmniPos.Jobs.Forecasting;
using OmniPos.Jobs.Tests.Support;
using OmniPos.Jobs.Warehouse;
using OmniPos.Models.Forecasting;

namespace OmniPos.Jobs.Tests.Scheduling;

/// <summary>
/// Issue #7's jobs under a real scheduler: the nightly demand training forecasts from what landing put in the warehouse,
/// sets reorder policies and names the stock-alerts sweep to follow it, which checks them; on a warehouse too young to
/// forecast it succeeds saying so.
/// </summary>
public abstract class ForecastingJobTests(JobsEngine engine) : JobsTestBase(engine)
{
    [Fact]
    public async Task Demand_training_on_too_little_history_succeeds_saying_how_much_it_needs_and_sets_no_policy()
    {
        await SimulatedLoad.PostAsync(Store, DataDirectory, SimulatedLoad.Small with { Days = 14 });
        var node = await StartNodeAsync("node-1");

        var landing = await RunToEndAsync(node, LandingJob.Name);
        var training = await RunToEndAsync(node, DemandTrainingJob.Name);

        Assert.Equal((RunOutcomes.Succeeded, null), (landing.Outcome, landing.Error));
        Assert.Equal((RunOutcomes.Succeeded, (long?)0, null), (training.Outcome, training.Rows, training.Error));
        Assert.Contains($"{DemandForecasting.MinimumDays}", training.Summary, StringComparison.Ordinal);
        Assert.Empty(await Store.Replenishment.ListPoliciesAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task Demand_training_over_landed_sales_sets_a_policy_per_stocked_series_which_the_alert_sweep_after_it_checks()
    {
        await SimulatedLoad.PostAsync(Store, DataDirectory, SimulatedLoad.Small with { Days = DemandForecasting.MinimumDays + 7, Skus = 24 });
        var node = await StartNodeAsync("node-1");
        await RunToEndAsync(node, LandingJob.Name);

        var training = await RunToEndAsync(node, DemandTrainingJob.Name);
        Assert.Equal((RunOutcomes.Succeeded, null), (training.Outcome, training.Error));
        // The chaining itself is the landing tests' (landing, then marts); here, that the training names the sweep to follow.
        var sweep = await RunHereAsync(node, StockAlertsJob.Name);
        await node.StopAsync();

        var policies = await Store.Replenishment.ListPoliciesAsync(null, CancellationToken.None);
        Assert.Equal([StockAlertsJob.Name], node.Catalog.Get(DemandTrainingJob.Name).Then);
        Assert.NotEmpty(policies);
        Assert.Contains($"{policies.Count:N0} reorder policies set", training.Summary, StringComparison.Ordinal);
        Assert.All(policies, p => Assert.True(p.OrderUpTo >= p.ReorderPoint, $"{p.StoreId}/{p.Sku}: order-up-to {p.OrderUpTo} below reorder point {p.ReorderPoint}"));
        Assert.Equal(RunOutcomes.Succeeded, sweep.Outcome);
        Assert.StartsWith($"{policies.Count:N0} policies checked", sweep.Summary, StringComparison.Ordinal);
    }
}

public sealed class SqliteForecastingJobTests() : ForecastingJobTests(new SqliteJobs());

[Collection(PostgresServerDefinition.Name)]
public sealed class PostgresForecastingJobTests(PostgresJobs postgres) : ForecastingJobTests(postgres);
