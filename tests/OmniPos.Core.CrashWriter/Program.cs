using Microsoft.Extensions.Logging.Abstractions;
using OmniPos.Core.Events;
using OmniPos.Core.Payments;
using OmniPos.Core.Sales;
using OmniPos.Core.Storage;

namespace OmniPos.Core.CrashWriter;

/// <summary>
/// Usage: provider connection-string store-id device-id sku[,sku...]. Four writers append balanced sales until the process
/// is killed; a line "ack &lt;event id&gt;" is printed only after the store acknowledged that event.
/// </summary>
internal static class Program
{
    private const int Writers = 4;

    public static async Task Main(string[] args)
    {
        var (provider, connectionString, storeId, deviceId, skus) = (args[0], args[1], args[2], args[3], args[4].Split(','));
        await using var store = await OperationalStore.OpenAsync(new StoreOptions { Provider = provider, ConnectionString = connectionString },
            Path.GetTempPath(), TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var random = new Random(writer);
            for (var i = 0; ; i++)
            {
                var lines = Enumerable.Range(1, random.Next(1, 4))
                    .Select(n => new SaleLine(n, skus[random.Next(skus.Length)], random.Next(1, 4), 2.50m)).ToList();
                var sale = new SaleRecorded($"crash-{writer}-{i}-{Guid.NewGuid():N}", "USD", lines, [new Tender(1, TenderKind.Cash, lines.Sum(l => l.Total))]);
                var e = new PosEvent($"evt-{Guid.NewGuid():N}", storeId, deviceId, DateTimeOffset.Now, sale);
                var outcome = await store.AppendAsync(e, CancellationToken.None);
                if (outcome.Status != AppendStatus.Accepted)
                {
                    throw new InvalidOperationException($"{outcome.Status}: {string.Join("; ", outcome.Errors.Select(x => x.Message))}");
                }

                Console.WriteLine($"ack {e.EventId}");
            }
        })));
    }
}
