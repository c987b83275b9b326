namespace OmniPos.Core.Devices;

public enum DeviceEventKind
{
    DrawerOpen,
    NoSale,
    LineVoid,
    TransactionVoid,
    PriceOverride,
    ManualDiscount,
    SignIn,
    SignOut,
    Offline,
    Online,
    TillOpen,
    TillCount,
    TillDrop,
    TillPaidIn,
    TillPaidOut,
    TillClose,
}
