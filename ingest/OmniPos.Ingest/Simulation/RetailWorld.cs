using System.Globalization;
using Bogus;
using OmniPos.Core.Catalog;

namespace OmniPos.Ingest.Simulation;

/// <summary>
/// The chain the simulator runs: shops of mixed sizes in two regions (each its own time zone and tax jurisdiction), a web
/// storefront and a marketplace shipping from one distribution centre, a catalog of styles in sizes and colours, loyalty
/// members, and the promotion calendar. Built from the options' seed alone.
/// </summary>
public sealed class RetailWorld
{
    public const string WebStoreId = "WEB";
    public const string MarketplaceStoreId = "MKT";

    private static readonly (string Prefix, string City, string TimeZone, string Jurisdiction, decimal TaxRate)[] Regions =
    [
        ("NY", "New York", "America/New_York", "US-NY", 0.08875m),
        ("IL", "Chicago", "America/Chicago", "US-IL", 0.1025m),
    ];

    private static readonly (double Size, int Registers, double Chance)[] ShopSizes = [(0.5, 2, 0.35), (1.0, 3, 0.45), (1.8, 5, 0.20)];
    private static readonly (string Name, string Code)[] Colours =
        [("Black", "BLK"), ("White", "WHT"), ("Navy", "NVY"), ("Grey", "GRY"), ("Red", "RED"), ("Green", "GRN"), ("Sand", "SND"), ("Blue", "BLU")];
    private static readonly decimal[] GiftCardFaces = [25m, 50m, 100m];
    private static readonly (string Country, double Chance)[] Countries = [("US", 0.90), ("CA", 0.04), ("GB", 0.03), ("MX", 0.02), ("DE", 0.01)];

    private RetailWorld(SimulationOptions options)
    {
        Options = options;
        var faker = new Faker("en") { Random = new Randomizer(options.Seed) };
        var random = new Random(options.Seed);
        Locations = BuildLocations(options, faker, random);
        Subcategories = BuildSubcategories();
        Products = BuildProducts(options, faker, random, Subcategories);
        Customers = BuildCustomers(options, faker, random, Locations.Count(l => l.Kind == LocationKind.Shop));
        Promotions = BuildPromotions(options, random, Subcategories, Products, Locations);
    }

    public SimulationOptions Options { get; }

    /// <summary>The shops first (index = shop number − 1), then the web storefront, then the marketplace.</summary>
    public IReadOnlyList<SimLocation> Locations { get; }

    /// <summary>
    /// The chain's merchandising map, the same for every seed: each leaf category's complement (the one its promotions
    /// lift), as the analysis' <c>Promotions:Complements</c> setting takes it.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> Complements { get; } = ComplementMap();

    public IReadOnlyList<Subcategory> Subcategories { get; }

    /// <summary>The SKUs, gift cards last.</summary>
    public IReadOnlyList<SimProduct> Products { get; }

    public IReadOnlyList<SimCustomer> Customers { get; }

    public IReadOnlyList<PromotionPlan> Promotions { get; }

    public IEnumerable<SimLocation> Shops => Locations.Where(l => l.Kind == LocationKind.Shop);

    public SimLocation Web => Locations.Single(l => l.Kind == LocationKind.Web);

    public static RetailWorld Create(SimulationOptions options)
    {
        return options.Refusal() is { } refusal ? throw new ArgumentException(refusal, nameof(options)) : new RetailWorld(options);
    }

    private static List<SimLocation> BuildLocations(SimulationOptions options, Faker faker, Random random)
    {
        var locations = new List<SimLocation>();
        for (var s = 0; s < options.Stores; s++)
        {
            var region = Regions[s < (options.Stores + 1) / 2 ? 0 : 1];
            var (size, registers, _) = random.Pick(ShopSizes, z => z.Chance);
            var storeId = $"{region.Prefix}-{s + 1:D2}";
            var store = new Store(storeId, $"{region.City} {faker.Address.StreetName()}", region.TimeZone, "USD", region.Jurisdiction);
            var devices = Enumerable.Range(1, registers).Select(r => new Device($"{storeId}-R{r}", storeId, DeviceKind.Register)).ToList();
            var cashiers = Enumerable.Range(1, registers * 2)
                .Select(c => new Employee($"{storeId}-E{c:D2}", storeId, faker.Name.FullName(), "cashier")).ToList();
            var manager = new Employee($"{storeId}-MGR", storeId, faker.Name.FullName(), "manager");
            locations.Add(new SimLocation(s, store, LocationKind.Shop, size, region.TaxRate, devices, cashiers, manager));
        }

        var shopsSize = locations.Sum(l => l.Size);
        var (_, _, webZone, webJurisdiction, webRate) = Regions[0];
        locations.Add(new SimLocation(locations.Count, new Store(WebStoreId, "Web storefront", webZone, "USD", webJurisdiction), LocationKind.Web,
            shopsSize * options.WebShare, webRate, [new Device("WEB-SITE", WebStoreId, DeviceKind.Storefront)], [], null));
        locations.Add(new SimLocation(locations.Count, new Store(MarketplaceStoreId, "Marketplace", webZone, "USD", webJurisdiction), LocationKind.Marketplace,
            shopsSize * options.WebShare / 3, webRate, [new Device("MKT-FEED", MarketplaceStoreId, DeviceKind.Marketplace)], [], null));
        return locations;
    }

    private static Dictionary<string, string[]> ComplementMap()
    {
        var leaves = BuildSubcategories();
        return leaves.Where(s => s.Complement != s.Index).ToDictionary(s => s.Name, s => new[] { leaves[s.Complement].Name }, StringComparer.OrdinalIgnoreCase);
    }

    private static List<Subcategory> BuildSubcategories()
    {
        var leaves = new List<(int Department, string Category, string Name)>();
        for (var d = 0; d < Department.All.Count; d++)
        {
            leaves.AddRange(Department.All[d].Categories.SelectMany(c => c.Subcategories.Select(s => (d, c.Category, s))));
        }

        // A subcategory's complement is the next one of its department (the last's is the first): jeans lift shorts, mugs cookware.
        return [.. leaves.Select((leaf, i) =>
        {
            var siblings = leaves.Select((l, j) => (l, j)).Where(x => x.l.Department == leaf.Department).Select(x => x.j).ToList();
            var complement = siblings[(siblings.IndexOf(i) + 1) % siblings.Count];
            return new Subcategory(i, leaf.Department, leaf.Category, leaf.Name, complement);
        })];
    }

    private static List<SimProduct> BuildProducts(SimulationOptions options, Faker faker, Random random, IReadOnlyList<Subcategory> subcategories)
    {
        var sellable = subcategories.Where(s => !Department.All[s.Department].IsGiftCard).ToList();
        var drafts = new List<(Product Product, int Style, int Department, int Subcategory, double Weight, double Elasticity, int CasePack, int LeadTime)>();
        for (var style = 0; drafts.Count < options.Skus; style++)
        {
            var subcategory = sellable[random.Next(sellable.Count)];
            var department = Department.All[subcategory.Department];
            var price = decimal.Round(department.MinPrice + ((department.MaxPrice - department.MinPrice) * (decimal)Math.Pow(random.NextDouble(), 2)), 0) - 0.01m;
            var cost = decimal.Round(price * (0.38m + (0.24m * (decimal)random.NextDouble())), 2);
            var popularity = 1.0 / Math.Pow(random.Next(1, options.Skus) + 15, 0.9);
            var elasticity = -1.1 - (1.5 * random.NextDouble());
            var leadTime = random.Next(3, 13);
            var styleName = $"{faker.Commerce.ProductAdjective()} {subcategory.Name.ToLowerInvariant().TrimEnd('s')}";
            var colours = Colours.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList();
            var sizes = department.Sizes.Length == 0 ? [""] : department.Sizes;
            for (var c = 0; c < colours.Count && drafts.Count < options.Skus; c++)
            {
                for (var z = 0; z < sizes.Length && drafts.Count < options.Skus; z++)
                {
                    // The middle sizes and the first colour sell best.
                    var sizeShare = sizes.Length == 1 ? 1.0 : 1.0 - (Math.Abs(z - ((sizes.Length - 1) / 2.0)) / sizes.Length);
                    var sku = $"{department.Name[..3].ToUpperInvariant()}-{style + 1:D4}-{colours[c].Code}{(sizes[z].Length > 0 ? "-" + sizes[z] : "")}";
                    var name = $"{styleName}, {colours[c].Name.ToLowerInvariant()}{(sizes[z].Length > 0 ? ", size " + sizes[z] : "")}";
                    drafts.Add((new Product(sku, char.ToUpperInvariant(name[0]) + name[1..], [department.Name, subcategory.Category, subcategory.Name], cost, price),
                        style, subcategory.Department, subcategory.Index, popularity * sizeShare / (c + 1), elasticity, department.CasePack, leadTime));
                }
            }
        }

        var scale = options.ShopUnitsPerDay / drafts.Sum(d => d.Weight);
        var products = drafts.Select((d, i) => new SimProduct(i, d.Product, d.Style, d.Department, d.Subcategory, d.Weight * scale, d.Elasticity, d.CasePack, d.LeadTime)).ToList();
        var giftCards = subcategories.Single(s => Department.All[s.Department].IsGiftCard);
        foreach (var face in GiftCardFaces)
        {
            var product = new Product($"GC-{face:000}", $"Gift card {face.ToString("0", CultureInfo.InvariantCulture)}",
                [Department.All[giftCards.Department].Name, giftCards.Category, giftCards.Name], 0m, face);
            products.Add(new SimProduct(products.Count, product, -1, giftCards.Department, giftCards.Index, options.ShopUnitsPerDay * 0.004, 0, 50, 7));
        }

        return products;
    }

    private static List<SimCustomer> BuildCustomers(SimulationOptions options, Faker faker, Random random, int shops)
    {
        var tiers = new[] { (LoyaltyTier.Bronze, 0.6), (LoyaltyTier.Silver, 0.3), (LoyaltyTier.Gold, 0.1) };
        return [.. Enumerable.Range(1, options.Customers).Select(c =>
        {
            var name = faker.Name.FullName();
            var email = faker.Internet.Email(name.Split(' ')[0], name.Split(' ')[^1], uniqueSuffix: c.ToString(CultureInfo.InvariantCulture));
            return new SimCustomer(new Customer($"C{c:D6}", name, email, random.Pick(tiers, t => t.Item2).Item1), random.Next(shops),
                random.Pick(Countries, x => x.Chance).Country);
        })];
    }

    private static List<PromotionPlan> BuildPromotions(SimulationOptions options, Random random, IReadOnlyList<Subcategory> subcategories,
        IReadOnlyList<SimProduct> products, IReadOnlyList<SimLocation> locations)
    {
        var sellable = subcategories.Where(s => !Department.All[s.Department].IsGiftCard && products.Any(p => p.Subcategory == s.Index)).ToList();
        var shares = new[] { 0.15m, 0.20m, 0.25m, 0.30m };
        var plans = new List<PromotionPlan>();
        var span = Math.Max(1, options.Days - 35);
        for (var p = 0; p < options.PromotionCount; p++)
        {
            // Drawn again (a few times at most) while it would overlap a promotion of the same subcategory or its dip:
            // one promotion per SKU and day, so the truth's effects are those the tills discount.
            var (subcategory, starts, ends) = (sellable[0], options.FirstDay, options.FirstDay);
            var free = false;
            for (var attempt = 0; attempt < 100 && !free; attempt++)
            {
                (subcategory, starts) = (sellable[random.Next(sellable.Count)], options.FirstDay.AddDays(14 + random.Next(span)));
                ends = starts.AddDays(random.Next(6, 14));
                free = !plans.Any(q => q.Subcategory == subcategory.Index && q.Promotion.StartsOn <= ends.AddDays(ChainSimulator.DipDays)
                    && starts <= q.Promotion.EndsOn.AddDays(ChainSimulator.DipDays));
            }

            if (!free)
            {
                continue;
            }

            var share = shares[random.Next(shares.Length)];
            var regional = locations.Count(l => l.Kind == LocationKind.Shop) > 1 && random.NextDouble() < 0.4;
            var region = Regions[random.Next(Regions.Length)].Prefix;
            var where = locations.Where(l => !regional || l.StoreId.StartsWith(region + "-", StringComparison.Ordinal)).Select(l => l.Index).ToHashSet();
            // About half the subcategory's styles are on promotion; the others are the substitutes it cannibalizes.
            var styles = products.Where(x => x.Subcategory == subcategory.Index).Select(x => x.Style).Distinct().ToList();
            var promoted = styles.Where(_ => random.NextDouble() < 0.5).DefaultIfEmpty(styles[0]).ToHashSet();
            var skus = products.Where(x => x.Subcategory == subcategory.Index && promoted.Contains(x.Style)).Select(x => x.Index).ToHashSet();
            var id = $"PROMO-{p + 1:D3}";
            var name = $"{subcategory.Name} {share * 100:0}% off{(regional ? $" in {region}" : "")}";
            plans.Add(new PromotionPlan(new Promotion(id, name, starts, ends), subcategory.Index, skus, share, 1.1 + (0.3 * random.NextDouble()), where, regional));
        }

        return plans;
    }
}
