using System.Diagnostics;
using OmniPos.Core.Events;
using OmniPos.Core.Storage;

namespace OmniPos.Bench.Sales;

/// <summary>One register appending its sales back to back, each as soon as the store answered the one before.</summary>
internal sealed class SalesWriter(IOperationalStore store, SaleFactory sales)
{
    private int _measured;

    /// <summary>The latency of every append of the measured phase, in the order they completed.</summary>
    public List<TimeSpan> Latencies { get; } = [];

    /// <summary>Appends completed in the measured phase so far; read by the progress display while the writer runs.</summary>
    public int Measured => Volatile.Read(ref _measured);

    /// <summary>Appends until <paramref name="deadline"/> like <see cref="MeasureUntilAsync"/>, then forgets what it measured.</summary>
    public async Task WarmUpUntilAsync(long deadline, CancellationToken cancellationToken)
    {
        await MeasureUntilAsync(deadline, cancellationToken);
        Latencies.Clear();
        _measured = 0;
    }

    /// <summary>Appends until <paramref name="deadline"/> (a <see cref="Stopwatch"/> timestamp); the append under way then still counts.</summary>
    public async Task MeasureUntilAsync(long deadline, CancellationToken cancellationToken)
    {
        while (Stopwatch.GetTimestamp() < deadline)
        {
            Latencies.Add(await AppendAsync(cancellationToken));
            Interlocked.Increment(ref _measured);
        }
    }

    private async Task<TimeSpan> AppendAsync(CancellationToken cancellationToken)
    {
        var sale = sales.Next();
        var started = Stopwatch.GetTimestamp();
        var outcome = await store.AppendAsync(sale, cancellationToken);
        var latency = Stopwatch.GetElapsedTime(started);
        return outcome.Status == AppendStatus.Accepted ? latency : throw NotAccepted(sale, outcome);
    }

    private static InvalidOperationException NotAccepted(PosEvent sale, AppendOutcome outcome) =>
        new(outcome.Errors is [var first, ..]
            ? $"sale {sale.EventId} was {outcome.Status}: {first.Field}: {first.Rule}: {first.Message}"
            : $"sale {sale.EventId} was {outcome.Status}");
}
