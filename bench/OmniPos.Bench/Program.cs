using System.CommandLine;
using OmniPos.Bench.Dashboards;
using OmniPos.Bench.Forecasting;
using OmniPos.Bench.Ingest;
using OmniPos.Bench.Jobs;
using OmniPos.Bench.Landing;
using OmniPos.Bench.LossPrevention;
using OmniPos.Bench.Promotions;
using OmniPos.Bench.Sales;
using OmniPos.Bench.Simulation;
using OmniPos.Bench.Stores;

namespace OmniPos.Bench;

internal static class Program
{
    /// <summary>The table's cases, in the order they run and print.</summary>
    private static readonly IBenchmark[] Benchmarks = [new AppendBenchmark(), new PostSalesBenchmark(), new SimulationBenchmark(), new LandingBenchmark(), new ScheduledLandingBenchmark(), new ForecastBenchmark(), new FraudBenchmark(), new PromotionBenchmark(), new DashboardPageBenchmark()];

    public static Task<int> Main(string[] args)
    {
        var seconds = new Option<int>("--seconds")
        {
            Description = "Length of each measured phase, in seconds",
            DefaultValueFactory = _ => 10,
        };
        seconds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--seconds must be at least 1");
            }
        });
        var only = new Option<string?>("--only") { Description = "Measure one store engine only" };
        only.AcceptOnlyFromAmong("sqlite", "postgres");
        var lines = new Option<long>("--lines")
        {
            Description = "Sale lines the warehouse case seeds and lands (its dashboard queries run over them)",
            DefaultValueFactory = _ => BenchSettings.DefaultSaleLines,
        };
        lines.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() < 10_000)
            {
                result.AddError("--lines must be at least 10000");
            }
        });
        var benchmark = new Option<string?>("--case") { Description = "Measure one case only, by its name" };
        benchmark.AcceptOnlyFromAmong([.. Benchmarks.Select(b => b.Name)]);

        var root = new RootCommand("OmniPos macro benchmarks: measures each case on each store engine and prints one table") { seconds, only, lines, benchmark };
        root.SetAction((parsed, cancellationToken) => BenchRunner.RunAsync(
            new BenchSettings(
                TimeSpan.FromSeconds(parsed.GetValue(seconds)),
                parsed.GetValue(only) switch
                {
                    "sqlite" => StoreEngine.Sqlite,
                    "postgres" => StoreEngine.Postgres,
                    _ => null,
                },
                parsed.GetValue(lines)),
            parsed.GetValue(benchmark) is { } name ? [.. Benchmarks.Where(b => b.Name == name)] : Benchmarks,
            cancellationToken));
        return root.Parse(args).InvokeAsync();
    }
}
