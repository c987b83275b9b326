using OmniPos.Core.Storage;
using OmniPos.Ingest.Webhooks;

namespace OmniPos.Jobs.Webhooks;

/// <summary>Relays the events accepted since the last run into the webhook outbox and posts every delivery that is due.</summary>
public sealed class WebhookDeliveryJob(IOperationalStore store, WebhookDispatcher dispatcher) : IScheduledJob
{
    public const string Name = "webhooks";

    public async Task<JobResult> RunAsync(CancellationToken cancellationToken)
    {
        var relayed = await store.Webhooks.RelayEventsAsync(cancellationToken);
        var sent = await dispatcher.DeliverDueAsync(cancellationToken);
        return new JobResult(sent.Delivered + sent.Retrying + sent.Failed,
            $"{relayed:N0} messages published; {sent.Delivered:N0} delivered, {sent.Retrying:N0} to be retried, {sent.Failed:N0} given up");
    }
}
