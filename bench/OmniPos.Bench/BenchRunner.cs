using System.Runtime.InteropServices;
using OmniPos.Bench.Stores;
using Spectre.Console;

namespace OmniPos.Bench;

/// <summary>Runs every benchmark on every chosen store target, showing progress, then prints the table; exit code 1 when any row failed.</summary>
internal static class BenchRunner
{
    private const int LogWidth = 160;

    public static async Task<int> RunAsync(BenchSettings settings, IReadOnlyList<IBenchmark> benchmarks, CancellationToken cancellationToken)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            // A log or CI console has no window to fit; wrapping would break every row of the table over several lines.
            AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, LogWidth);
        }

        AnsiConsole.MarkupLine(Markup.Escape(
            $"{Environment.ProcessorCount} cores · {RuntimeInformation.OSDescription} · {RuntimeInformation.OSArchitecture} · "
            + $"{RuntimeInformation.FrameworkDescription} · measured phase {settings.MeasuredDuration.TotalSeconds:0} s"));
        var engines = settings.Only is { } only ? [only] : Enum.GetValues<StoreEngine>();
        var rows = await AnsiConsole.Status().StartAsync("starting", async context =>
        {
            var measured = new List<ResultRow>();
            foreach (var engine in engines)
            {
                measured.AddRange(await RunOnAsync(engine, settings, benchmarks, text => context.Status(Markup.Escape(text)), cancellationToken));
            }

            return measured;
        });

        AnsiConsole.Write(ResultTable.Render(rows));
        return rows.Any(r => r.Measured is null) ? 1 : 0;
    }

    private static async Task<IEnumerable<ResultRow>> RunOnAsync(
        StoreEngine engine, BenchSettings settings, IReadOnlyList<IBenchmark> benchmarks, Action<string> status, CancellationToken cancellationToken)
    {
        StoreTarget target;
        try
        {
            status($"starting {StoreTarget.NameOf(engine)}");
            target = await StoreTarget.StartAsync(engine, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Report(StoreTarget.NameOf(engine), e);
            return benchmarks.Select(b => ResultRow.Failed(b.Name, StoreTarget.NameOf(engine), e));
        }

        await using (target)
        {
            var rows = new List<ResultRow>();
            foreach (var benchmark in benchmarks)
            {
                try
                {
                    rows.AddRange(await benchmark.RunAsync(target, settings, status, cancellationToken));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Report($"{benchmark.Name} on {target.Name}", e);
                    rows.Add(ResultRow.Failed(benchmark.Name, target.Name, e));
                }
            }

            return rows;
        }
    }

    /// <summary>The whole exception, stack included, as soon as it happens: the table only has room for its message.</summary>
    public static void Report(string what, Exception e)
    {
        AnsiConsole.MarkupLine($"[red]{Markup.Escape(what)} failed:[/]");
        AnsiConsole.WriteException(e, ExceptionFormats.ShortenPaths);
    }
}
