using OmniPos.Warehouse.Promotions;

namespace OmniPos.Models.Promotions;

/// <summary>
/// Which leaf categories a promotion moves, and where and when: its own leaves (its SKUs and their substitutes) and their
/// complements (the configured ones, else the other leaves of their departments), at its locations from its first day
/// through its dip. A day one promotion moves is no baseline for measuring another.
/// </summary>
internal sealed class PromotionReach
{
    private readonly IReadOnlyDictionary<string, CatalogItem> _catalog;
    private readonly PromotionSettings _settings;
    private readonly Dictionary<(string Leaf, string Location, DateOnly Day), HashSet<string>> _moved = [];

    public PromotionReach(IReadOnlyDictionary<string, CatalogItem> catalog, PromotionSettings settings, IEnumerable<PromotionScope> scopes)
    {
        (_catalog, _settings) = (catalog, settings);
        foreach (var scope in scopes)
        {
            var leaves = LeavesOf(scope).Concat(ComplementsOf(scope)).ToList();
            for (var day = scope.StartsOn; day <= scope.EndsOn.AddDays(settings.DipDays); day = day.AddDays(1))
            {
                foreach (var location in scope.Locations)
                {
                    foreach (var leaf in leaves)
                    {
                        if (!_moved.TryGetValue((leaf, location, day), out var by))
                        {
                            _moved[(leaf, location, day)] = by = new HashSet<string>(StringComparer.Ordinal);
                        }

                        by.Add(scope.PromotionId);
                    }
                }
            }
        }
    }

    public HashSet<string> LeavesOf(PromotionScope scope) => scope.Skus.Select(sku => _catalog[sku].Leaf).ToHashSet(StringComparer.Ordinal);

    /// <summary>The configured complements of the promotion's leaves, or by default the other leaves of their departments.</summary>
    public HashSet<string> ComplementsOf(PromotionScope scope)
    {
        var leaves = LeavesOf(scope);
        var configured = leaves.SelectMany(leaf => _settings.Complements.GetValueOrDefault(leaf) ?? []).ToHashSet(StringComparer.Ordinal);
        var departments = scope.Skus.Select(sku => _catalog[sku].Department).ToHashSet(StringComparer.Ordinal);
        var complements = configured.Count > 0
            ? configured
            : _catalog.Values.Where(i => departments.Contains(i.Department)).Select(i => i.Leaf).ToHashSet(StringComparer.Ordinal);
        complements.ExceptWith(leaves);
        return complements;
    }

    /// <summary>Whether a promotion other than <paramref name="scope"/> moves the leaf at the location on the day.</summary>
    public bool MovedByAnother(PromotionScope scope, string leaf, string location, DateOnly day) =>
        _moved.TryGetValue((leaf, location, day), out var by) && (by.Count > 1 || !by.Contains(scope.PromotionId));

    /// <summary>Whether any promotion moves the leaf at the location on the day.</summary>
    public bool Moved(string leaf, string location, DateOnly day) => _moved.ContainsKey((leaf, location, day));
}
