using OmniPos.Core.Money;

namespace OmniPos.Core.Catalog;

/// <summary>What makes catalog entries usable by the ledger; a broken entry is a set-up mistake and is refused loudly, with a message fit to show.</summary>
internal static class CatalogRules
{
    public static void Check(Store store)
    {
        if (!Currency.IsWellFormed(store.Currency))
        {
            throw new ArgumentException($"store '{store.StoreId}': currency '{store.Currency}' is not an ISO 4217 code");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(store.TimeZone, out _))
        {
            throw new ArgumentException($"store '{store.StoreId}': time zone '{store.TimeZone}' is not a known IANA zone");
        }
    }

    public static void Check(Product product)
    {
        if (product.UnitCost < 0 || product.UnitPrice < 0)
        {
            throw new ArgumentException($"product '{product.Sku}': cost and price must not be negative");
        }
    }

    public static void Check(Promotion promotion)
    {
        if (promotion.EndsOn < promotion.StartsOn)
        {
            throw new ArgumentException($"promotion '{promotion.PromotionId}' ends before it starts");
        }
    }
}
