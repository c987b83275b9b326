namespace OmniPos.Bench.Chain;

/// <summary>
/// Units on hand per store and product as the simulation moves them, and when each needs a receipt: every product
/// opens with 90 days of its expected demand, and once it falls under 14 days' worth a lot of 180 days' worth arrives the
/// next morning. So the lake has receipt lots of every age for the aging query, and stock rarely runs out.
/// </summary>
internal sealed class ChainStock
{
    private const double OpeningDays = 90;
    private const double ReorderDays = 14;
    private const double LotDays = 180;
    private const int MinimumLot = 6;

    private readonly int _products;
    private readonly int[] _onHand;
    private readonly double[] _dailyDemand;
    private readonly bool[] _ordered;
    private readonly List<int>[] _due;

    /// <param name="dailyDemand">Expected units a day per store (first index) and product (second).</param>
    public ChainStock(double[][] dailyDemand)
    {
        _products = dailyDemand[0].Length;
        _dailyDemand = [.. dailyDemand.SelectMany(d => d)];
        _onHand = new int[_dailyDemand.Length];
        _ordered = new bool[_dailyDemand.Length];
        _due = [.. dailyDemand.Select(_ => new List<int>())];
    }

    /// <summary>The opening stock of a product at a store.</summary>
    public int Opening(int store, int product) => Lot(store, product, OpeningDays);

    /// <summary>The products whose lots are due at the store this morning, each with its size; forgets them.</summary>
    public IReadOnlyList<(int Product, int Units)> TakeDue(int store)
    {
        var due = _due[store].Order().Select(p => (p, Lot(store, p, LotDays))).ToList();
        foreach (var (product, _) in due)
        {
            _ordered[Key(store, product)] = false;
        }

        _due[store].Clear();
        return due;
    }

    public void Add(int store, int product, int units) => _onHand[Key(store, product)] += units;

    /// <summary>Takes units off the shelf; orders a lot when the product falls under its reorder point.</summary>
    public void Take(int store, int product, int units)
    {
        var key = Key(store, product);
        _onHand[key] -= units;
        if (!_ordered[key] && _onHand[key] < Math.Max(2, _dailyDemand[key] * ReorderDays))
        {
            _ordered[key] = true;
            _due[store].Add(product);
        }
    }

    private int Lot(int store, int product, double days) => Math.Max(MinimumLot, (int)Math.Ceiling(_dailyDemand[Key(store, product)] * days));

    private int Key(int store, int product) => (store * _products) + product;
}
