namespace OmniPos.Core.Inventory;

/// <summary>Why stock moved. Sale and ReturnRestock movements are derived from sale and return events, never posted directly.</summary>
public enum MovementKind
{
    Receipt,
    Sale,
    ReturnRestock,
    TransferOut,
    TransferIn,
    CountAdjustment,
    Reservation,
    ReservationRelease,
}
