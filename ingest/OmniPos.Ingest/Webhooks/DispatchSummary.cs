namespace OmniPos.Ingest.Webhooks;

/// <summary>What one run of <see cref="WebhookDispatcher.DeliverDueAsync"/> did: deliveries taken, to be retried, and given up.</summary>
public sealed record DispatchSummary(int Delivered, int Retrying, int Failed)
{
    public static DispatchSummary None { get; } = new(0, 0, 0);

    public DispatchSummary Plus(DispatchSummary other) => new(Delivered + other.Delivered, Retrying + other.Retrying, Failed + other.Failed);
}
