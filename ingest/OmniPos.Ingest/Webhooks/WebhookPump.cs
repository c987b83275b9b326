using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmniPos.Core.Storage;

namespace OmniPos.Ingest.Webhooks;

/// <summary>
/// Until a scheduler takes the job over, the server relays accepted events into the outbox and delivers what is due
/// every <see cref="WebhookOptions.PollSeconds"/> (not at all when 0), and prunes the delivery log once an hour.
/// </summary>
internal sealed partial class WebhookPump(
    IOperationalStore store, WebhookDispatcher dispatcher, IOptions<IngestOptions> options, TimeProvider clock, ILogger<WebhookPump> log) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Webhooks.PollSeconds == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.Webhooks.PollSeconds), clock);
        var pruneAt = clock.GetUtcNow();
        do
        {
            try
            {
                await store.Webhooks.RelayEventsAsync(stoppingToken);
                await dispatcher.DeliverDueAsync(stoppingToken);
                if (clock.GetUtcNow() >= pruneAt)
                {
                    if (await dispatcher.PruneAsync(stoppingToken) is > 0 and var pruned)
                    {
                        Pruned(log, pruned, options.Value.Webhooks.KeepDays);
                    }

                    pruneAt = clock.GetUtcNow() + PruneEvery;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The store may be down for a moment; what was not relayed or recorded is picked up by the next run.
                RunFailed(log, e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(2, LogLevel.Information, "Removed {Count} webhook deliveries settled more than {KeepDays} days ago from the delivery log")]
    private static partial void Pruned(ILogger logger, int count, int keepDays);

    [LoggerMessage(1, LogLevel.Warning, "A webhook relay and delivery run failed ({Exception}); the next run takes it up")]
    private static partial void RunFailed(ILogger logger, string exception);
}
