namespace OmniPos.Core.Sales;

public enum Fulfilment
{
    CarryOut,
    PickupInStore,
    ShipFromStore,
    Delivery,
}
