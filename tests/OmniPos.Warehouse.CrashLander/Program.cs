using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using OmniPos.Core.Storage;
using OmniPos.Warehouse.Lake;

namespace OmniPos.Warehouse.CrashLander;

/// <summary>
/// Usage: provider connection-string data-directory step run events-per-run page-size. Lands the store into the warehouse
/// of the data directory, printing each step of each run ("run 2 FilesWritten 51-100"); when run number <c>run</c> (from 1)
/// reports <c>step</c>, it prints "kill" and sends itself SIGKILL, so nothing is disposed, flushed or cleaned up after that
/// step. Prints "done" if the landing ends first.
/// </summary>
internal static class Program
{
    public static async Task Main(string[] args)
    {
        var (provider, connectionString, dataDirectory) = (args[0], args[1], args[2]);
        var (killStep, killRun) = (Enum.Parse<LandingStep>(args[3]), int.Parse(args[4], CultureInfo.InvariantCulture));
        var options = new LandingOptions(int.Parse(args[5], CultureInfo.InvariantCulture), int.Parse(args[6], CultureInfo.InvariantCulture));
        await using var store = await OperationalStore.OpenAsync(new StoreOptions { Provider = provider, ConnectionString = connectionString },
            dataDirectory, TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);
        using var warehouse = AnalyticsWarehouse.Open(dataDirectory);
        var run = 0;
        await warehouse.LandAsync(store, options, progress =>
        {
            run += progress.Step == LandingStep.Staged ? 1 : 0;
            Console.WriteLine($"run {run} {progress.Step} {progress.FirstSeq}-{progress.LastSeq}");
            if (run == killRun && progress.Step == killStep)
            {
                Console.WriteLine("kill");
                using var self = Process.GetCurrentProcess();
                self.Kill();
            }
        });
        Console.WriteLine("done");
    }
}
