namespace OmniPos.Core.Catalog;

public enum DeviceKind
{
    Register,
    Kiosk,
    Mobile,
    Storefront,
    Marketplace,
}
