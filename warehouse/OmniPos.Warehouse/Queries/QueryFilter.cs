namespace OmniPos.Warehouse.Queries;

/// <summary>
/// What every analytic query may be narrowed by. Dates are business days and both ends are inclusive; an empty or null
/// list keeps everything. <see cref="AsOf"/> (default <see cref="Through"/>) is the day stock-on-hand queries look at.
/// </summary>
/// <param name="Categories">Top-level categories (the first element of a product's category path).</param>
/// <param name="Variant">Sell-through's formula.</param>
/// <param name="Level">What sell-through is per (besides week and store): each SKU, each category, or the whole store.</param>
public sealed record QueryFilter(
    DateOnly From,
    DateOnly Through,
    IReadOnlyList<string>? Stores = null,
    IReadOnlyList<string>? Channels = null,
    IReadOnlyList<string>? Categories = null,
    DateOnly? AsOf = null,
    Rows.SellThroughVariant Variant = Rows.SellThroughVariant.Period,
    SellThroughLevel Level = SellThroughLevel.Sku)
{
    public DateOnly AsOfDay => AsOf ?? Through;

    /// <summary>The value of the SQL parameter <c>$name</c> the queries use.</summary>
    internal object? Parameter(string name) => name switch
    {
        "from" => From,
        "through" => Through,
        "stores" => ListOrNull(Stores),
        "channels" => ListOrNull(Channels),
        "categories" => ListOrNull(Categories),
        "as_of" => AsOfDay,
        "level" => Level.ToString().ToLowerInvariant(),
        _ => throw new InvalidOperationException($"analytic queries have no parameter ${name}"),
    };

    private static IReadOnlyList<string>? ListOrNull(IReadOnlyList<string>? list) => list is { Count: > 0 } ? list : null;
}
