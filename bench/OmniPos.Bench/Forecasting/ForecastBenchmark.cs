using System.Diagnostics;
using System.Globalization;
using OmniPos.Bench.Stores;
using OmniPos.Ingest.Simulation;
using OmniPos.Models.Evaluation;
using OmniPos.Models.Forecasting;
using OmniPos.TestServers;

namespace OmniPos.Bench.Forecasting;

/// <summary>
/// Issue #7's forecasting cases, on the store-independent models (run once, with the first store target): training plus
/// the 28-day forecast, backtests included, for the M5 subset of ../shared/data/m5 with its accuracy table (WRMSSE and
/// WAPE per forecaster, last 28 days held out), and for a simulated chain of 12 shops × 2,000 SKUs over two years
/// (24,000 series), its last 28 days held out and the forecast scored against the simulator's true expected demand (WAPE)
/// as well as against what sold. Goal: each at most 120 s on 2 cores.
/// </summary>
internal sealed class ForecastBenchmark : IBenchmark
{
    private static readonly TimeSpan Goal = TimeSpan.FromSeconds(120);

    public string Name => "forecast 28 days";

    public Task<IReadOnlyList<ResultRow>> RunAsync(StoreTarget target, BenchSettings settings, Action<string> status, CancellationToken cancellationToken)
    {
        if (settings.Only is null && target.Engine != StoreEngine.Sqlite)
        {
            return Task.FromResult<IReadOnlyList<ResultRow>>([]);
        }

        status("forecasting the M5 subset (import, backtests, training, forecast)");
        var m5 = HoldoutEvaluation.OfM5Folder(Path.GetDirectoryName(RepositoryRoot.SharedData("m5/calendar.csv.gz"))!, cancellationToken: cancellationToken);
        var rows = new List<ResultRow> { Row("M5 subset (140 series, 1,913 days)", m5.Series, m5.Elapsed, Table(m5.Scores) + $"; weights: {m5.Weights}") };

        status("simulating 12 shops × 2,000 SKUs over two years (ground truth only)");
        var folder = Directory.CreateTempSubdirectory("omnipos-bench-forecast-");
        try
        {
            var simulated = SimulatedDemand.Simulate(new SimulationOptions { Days = 730 }, folder.FullName, cancellationToken);
            status($"forecasting {simulated.Observed.Series.Count:N0} simulated series");
            var origin = simulated.Observed.Days - HoldoutEvaluation.HeldOutDays;
            var clock = Stopwatch.StartNew();
            var forecast = new DemandForecasting().Run(simulated.Observed.KnownBefore(origin), cancellationToken);
            var elapsed = clock.Elapsed;
            var accuracy = new ForecastAccuracy(simulated.Observed, origin, ForecastAccuracy.DollarSalesWeights(simulated.Observed, origin));
            var scores = forecast.Candidates.Select(c => accuracy.Score(c.Key, c.Value)).Append(accuracy.Score(DemandForecast.Chosen, forecast.Means())).ToList();
            var againstTruth = string.Join(", ", forecast.Candidates.Append(new(DemandForecast.Chosen, forecast.Means()))
                .Select(c => $"{c.Key} {Wape(simulated.Expected, origin, c.Value):P1}"));
            rows.Add(Row($"simulated chain ({simulated.Observed.Series.Count:N0} series, 730 days)", simulated.Observed.Series.Count, elapsed,
                $"WAPE against the true expected demand: {againstTruth}; against what sold: {Table(scores)}"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        return Task.FromResult<IReadOnlyList<ResultRow>>(rows);
    }

    private ResultRow Row(string what, int series, TimeSpan elapsed, string notes) =>
        new(Name, what, Measurement.Of(1, elapsed, series, [elapsed]),
            $"training + forecast {elapsed.TotalSeconds:N1} s (goal ≤ {Goal.TotalSeconds:N0} s — {(elapsed <= Goal ? "met" : "missed")}); {notes}");

    private static string Table(IEnumerable<ForecastScore> scores) =>
        "WRMSSE / WAPE: " + string.Join(", ", scores.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Forecaster} {s.Wrmsse:F3} / {s.Wape:P1}")));

    /// <summary>Absolute error against the expected demand as a share of it, over the held-out days the simulator recorded.</summary>
    private static double Wape(float[][] expected, int origin, float[][] forecasts)
    {
        var (errors, total) = (0.0, 0.0);
        for (var series = 0; series < expected.Length; series++)
        {
            for (var day = 0; day < forecasts[series].Length; day++)
            {
                var truth = expected[series][origin + day];
                if (!float.IsNaN(truth))
                {
                    (errors, total) = (errors + Math.Abs(truth - forecasts[series][day]), total + truth);
                }
            }
        }

        return errors / total;
    }
}
