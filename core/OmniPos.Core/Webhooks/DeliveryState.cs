namespace OmniPos.Core.Webhooks;

public enum DeliveryState
{
    /// <summary>Not yet taken by the receiver; tried again when due.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Given up: too many attempts, too old, or the subscription was removed.</summary>
    Failed,
}
