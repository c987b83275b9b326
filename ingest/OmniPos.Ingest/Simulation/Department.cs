namespace OmniPos.Ingest.Simulation;

/// <summary>
/// A department of the catalog with what differs between departments: prices, how shoppers react to them, how often
/// goods come back, when in the year they sell, and how they are packed.
/// </summary>
/// <param name="Categories">Category name, then its subcategories.</param>
/// <param name="Sizes">Sizes a style comes in; empty for one-size goods.</param>
/// <param name="ReturnRate">Share of units sold in a shop that come back; online sales come back <see cref="Department.WebReturnFactor"/> times as often.</param>
/// <param name="SeasonPeak">Day of the year when the department sells best; <paramref name="SeasonAmplitude"/> is how much better.</param>
public sealed record Department(
    string Name,
    IReadOnlyList<(string Category, string[] Subcategories)> Categories,
    string[] Sizes,
    decimal MinPrice,
    decimal MaxPrice,
    double ReturnRate,
    int SeasonPeak,
    double SeasonAmplitude,
    int CasePack,
    bool IsGiftCard = false)
{
    public const double WebReturnFactor = 1.8;

    public static IReadOnlyList<Department> All { get; } =
    [
        new("Apparel", [("Tops", ["T-shirts", "Shirts", "Sweaters"]), ("Bottoms", ["Jeans", "Shorts"]), ("Outerwear", ["Jackets", "Coats"])],
            ["S", "M", "L", "XL"], 14m, 140m, 0.12, 290, 0.25, 6),
        new("Footwear", [("Shoes", ["Sneakers", "Boots", "Sandals"]), ("Care", ["Socks", "Insoles"])],
            ["7", "8", "9", "10", "11"], 9m, 160m, 0.10, 240, 0.15, 2),
        new("Home", [("Kitchen", ["Mugs", "Cookware"]), ("Decor", ["Candles", "Frames"]), ("Bedding", ["Sheets", "Towels"])],
            [], 6m, 95m, 0.05, 330, 0.20, 4),
        new("Beauty", [("Skincare", ["Cleansers", "Moisturisers"]), ("Fragrance", ["Perfume", "Body mist"])],
            [], 5m, 75m, 0.03, 340, 0.15, 12),
        new("Electronics", [("Audio", ["Headphones", "Speakers"]), ("Accessories", ["Chargers", "Cables"])],
            [], 9m, 260m, 0.07, 345, 0.30, 2),
        new("Toys", [("Games", ["Board games", "Puzzles"]), ("Play", ["Plush", "Building sets"])],
            [], 7m, 85m, 0.04, 350, 0.45, 4),
        new("Gift cards", [("Gift cards", ["Physical"])], [], 25m, 100m, 0, 350, 0.40, 50, IsGiftCard: true),
    ];
}
