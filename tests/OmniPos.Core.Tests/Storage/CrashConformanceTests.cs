using System.Diagnostics;
using System.Text.Json;
using OmniPos.Core.Events;
using OmniPos.Core.Sales;
using OmniPos.Core.Tests.Support;

namespace OmniPos.Core.Tests.Storage;

/// <summary>A writer process killed with SIGKILL mid-write loses no acknowledged event and leaves no event half-written. Every engine enrolls unchanged.</summary>
public abstract class CrashConformanceTests : StoreTestBase
{
    private const int AcknowledgementsBeforeKill = 300;
    private static readonly int AcknowledgementLength = $"ack evt-{Guid.Empty:N}".Length; // a line cut short by the kill is not an acknowledgement

    [Fact]
    public async Task A_writer_killed_mid_write_keeps_every_acknowledged_event_and_no_partial_one()
    {
        await CloseStoreAsync();
        var acknowledged = await RunWriterUntilKilledAsync();

        await using var reopened = await Backend.OpenAsync();
        var events = new List<OmniPos.Core.Storage.StoredEvent>();
        for (IReadOnlyList<OmniPos.Core.Storage.StoredEvent> page; (page = await reopened.ReadEventsAsync(events.Count == 0 ? 0 : events[^1].Seq, 1000, CancellationToken.None)).Count > 0;)
        {
            events.AddRange(page);
        }

        Assert.Subset(events.Select(e => e.EventId).ToHashSet(), acknowledged.ToHashSet());
        var sales = events.Select(e => (SaleRecorded)JsonSerializer.Deserialize<PosEvent>(e.Payload, EventJson.Options)!.Body).ToList();
        foreach (var sku in TestCatalog.Skus)
        {
            var sold = sales.SelectMany(s => s.Lines).Where(l => l.Sku == sku).Sum(l => l.Quantity);
            Assert.Equal(-sold, (await reopened.GetStockAsync(sku, TestCatalog.StoreId, CancellationToken.None)).OnHand);
        }

        foreach (var sale in sales)
        {
            var receipt = await reopened.GetTransactionAsync(sale.TransactionId, CancellationToken.None);
            Assert.Equal(sale.Total, Assert.IsType<SaleRecorded>(receipt?.Sale.Body).Total);
        }
    }

    private async Task<List<string>> RunWriterUntilKilledAsync()
    {
        var writer = Path.Combine(AppContext.BaseDirectory, "OmniPos.Core.CrashWriter.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", writer, Backend.Provider, Backend.ConnectionString, TestCatalog.StoreId, TestCatalog.RegisterId, string.Join(',', TestCatalog.Skus)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the crash writer");
        var errors = process.StandardError.ReadToEndAsync();
        var acknowledged = new List<string>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (acknowledged.Count < AcknowledgementsBeforeKill)
        {
            var line = await process.StandardOutput.ReadLineAsync(deadline.Token)
                ?? throw new InvalidOperationException($"the crash writer stopped early: {await errors}");
            acknowledged.Add(line["ack ".Length..]);
        }

        process.Kill(entireProcessTree: true);
        // Lines already printed before the kill were acknowledged too.
        while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line && line.Length == AcknowledgementLength)
        {
            acknowledged.Add(line["ack ".Length..]);
        }

        await process.WaitForExitAsync(deadline.Token);
        return acknowledged;
    }
}
