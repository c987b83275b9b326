namespace OmniPos.Core.Events;

/// <summary>The <c>type</c> values of event bodies, as stored in the event log.</summary>
public static class EventTypes
{
    public const string Sale = "sale";
    public const string Return = "return";
    public const string PaymentCapture = "payment_capture";
    public const string PaymentRefund = "payment_refund";
    public const string DeviceEvent = "device_event";
    public const string InventoryMovement = "inventory_movement";
    public const string PriceChange = "price_change";
}
