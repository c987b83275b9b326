using OmniPos.Core.LossPrevention;
using OmniPos.Ingest.Simulation;
using OmniPos.Jobs.LossPrevention;
using OmniPos.Jobs.Tests.Support;
using OmniPos.Jobs.Warehouse;
using OmniPos.Jobs.Webhooks;
using OmniPos.Models.Evaluation;
using OmniPos.TestApi;
using OmniPos.Warehouse;

namespace OmniPos.Jobs.Tests.Scheduling;

/// <summary>
/// Issue #8's detection on a small seeded world with fraud injected at high rates, under a real scheduler: landing, then
/// the fraud-scan job; its alerts scored against the simulator's ground truth with looser bounds than the bench's goal
/// (recall 0.9 at precision 0.8), so a regression fails here. Each case reaches a webhook subscriber once; the tested
/// cards charged back later are found, to label their alerts.
/// </summary>
public abstract class FraudScanJobTests(JobsEngine engine) : JobsTestBase(engine)
{
    private const string Secret = "a-test-secret-of-some-length";

    private static readonly SimulationOptions World = SimulatedLoad.Small with
    {
        Days = 63,
        Stores = 3,
        Skus = 120,
        Customers = 300,
        Seed = 23,
        Fraud = new FraudOptions
        {
            DishonestCashiers = 2, Sweethearting = 10, PriceOverrideAbuse = 10, VoidAfterTender = 10, NoSaleBeforeShortage = 10,
            RefundCycling = 10, CardTesting = 12, GiftCardDraining = 12,
        },
    };

    [Fact]
    public async Task The_fraud_scan_finds_the_injected_schemes_with_few_false_alerts_and_raises_each_case_once_with_its_webhook()
    {
        await using var receiver = await WebhookListener.StartAsync(Secret);
        await Store.Webhooks.AddAsync(receiver.Url, [FraudAlerts.RaisedKind], Secret, CancellationToken.None);
        await SimulatedLoad.PostAsync(Store, DataDirectory, World);
        var days = World.Days.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var node = await StartNodeAsync("node-1", ("LossPrevention:ScanDays", days), ("LossPrevention:BaselineDays", days));

        await RunToEndAsync(node, LandingJob.Name);
        var scan = await RunToEndAsync(node, FraudScanJob.Name);
        var again = await RunToEndAsync(node, FraudScanJob.Name);
        var alerts = await Store.LossPrevention.ListAsync(null, FraudAlertState.All, 10_000, CancellationToken.None);
        await EventuallyAsync(async () =>
        {
            await RunHereAsync(node, WebhookDeliveryJob.Name);
            return receiver.Posts.Select(p => p.DeliveryId).Distinct().Count() >= alerts.Count;
        }, 120, $"fewer than the {alerts.Count} alerts reached the receiver");
        await node.StopAsync();
        FraudDetectionScore score;
        IReadOnlySet<long> chargedBack;
        using (var warehouse = AnalyticsWarehouse.Open(DataDirectory))
        {
            score = await FraudTruthScoring.ScoreAsync(Store, warehouse, Path.Combine(DataDirectory, SimulationRun.TruthFolder), CancellationToken.None);
            chargedBack = warehouse.FindChargedBack([.. alerts.Where(a => a.Rule == "card_testing").SelectMany(a => a.Evidence.Select(e => e.Seq))]);
        }

        var report = string.Join("; ", score.Types.Append(score.Overall).Select(t => $"{t.Type} {t.Detected}/{t.Cases} found, {t.TrueAlerts}/{t.Alerts} true"));
        Assert.Equal((RunOutcomes.Succeeded, RunOutcomes.Succeeded), (scan.Outcome, again.Outcome));
        Assert.Equal(alerts.Count, scan.Rows);
        Assert.Equal(0, again.Rows);
        Assert.True(score.Types.Count(t => t.Cases > 0) >= 6, $"the world injected too few schemes to test: {report}");
        Assert.True(score.Overall.Recall >= 0.8, $"recall {score.Overall.Recall:F3}: {report}");
        Assert.True(score.Overall.Precision >= 0.7, $"precision {score.Overall.Precision:F3}: {report}");
        Assert.All(score.Types.Where(t => t.Cases > 0), t => Assert.True(t.Recall >= 0.5, $"{t.Type}: recall {t.Recall:F3}: {report}"));
        Assert.Equal(alerts.Select(a => a.AlertId).Order(), receiver.Posts.Select(p => p.Body.GetProperty("data").GetProperty("alertId").GetInt64()).Distinct().Order());
        Assert.All(alerts, a => Assert.NotEmpty(a.Evidence));
        Assert.NotEmpty(chargedBack); // the tested cards the processor charged back: labels for the supervised score
    }
}

public sealed class SqliteFraudScanJobTests() : FraudScanJobTests(new SqliteJobs());

[Collection(PostgresServerDefinition.Name)]
public sealed class PostgresFraudScanJobTests(PostgresJobs postgres) : FraudScanJobTests(postgres);
