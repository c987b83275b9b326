using OmniPos.Core.Catalog;

namespace OmniPos.Ingest.Simulation;

/// <summary>A SKU with what drives its demand and its supply.</summary>
/// <param name="Style">The style the SKU is a size and colour of (−1 for gift cards).</param>
/// <param name="BaseRate">Units a day at a mid-size shop at list price on an ordinary day, before seasonality.</param>
/// <param name="Elasticity">Demand scales with (price ÷ list price) to this power (negative).</param>
/// <param name="Subcategory">Index into <see cref="RetailWorld.Subcategories"/>: the SKUs that substitute for each other.</param>
/// <param name="LeadTimeDays">The supplier's usual lead time; each order's varies around it.</param>
public sealed record SimProduct(
    int Index,
    Product Product,
    int Style,
    int Department,
    int Subcategory,
    double BaseRate,
    double Elasticity,
    int CasePack,
    int LeadTimeDays)
{
    public string Sku => Product.Sku;
}
