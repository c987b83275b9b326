namespace OmniPos.Models.LossPrevention;

/// <summary>
/// Anomaly scores without labels (Liu, Ting and Zhou, "Isolation Forest", 2008): each tree splits a random subsample on
/// random features at random values until every point stands alone; points unlike the rest are isolated in few splits.
/// The score is 2^(−E[h(x)] / c(ψ)): near 1 for an anomaly, about 0.5 or below for an ordinary point.
/// </summary>
public sealed class IsolationForest
{
    private readonly Node[] _roots;
    private readonly double _normalizer;

    private IsolationForest(Node[] roots, int sampleSize)
    {
        _roots = roots;
        _normalizer = AveragePathLength(sampleSize);
    }

    /// <summary>Grows <paramref name="trees"/> trees, each on <paramref name="sampleSize"/> rows drawn without replacement.</summary>
    public static IsolationForest Fit(IReadOnlyList<double[]> rows, int trees = 100, int sampleSize = 256, int seed = 17)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows.Count, 2);
        var random = new Random(seed);
        var size = Math.Min(sampleSize, rows.Count);
        var depthLimit = (int)Math.Ceiling(Math.Log2(size));
        var roots = new Node[trees];
        var indices = Enumerable.Range(0, rows.Count).ToArray();
        for (var t = 0; t < trees; t++)
        {
            random.Shuffle(indices);
            roots[t] = Grow(rows, indices[..size], 0, depthLimit, random);
        }

        return new IsolationForest(roots, size);
    }

    public double Score(double[] row) => Math.Pow(2, -_roots.Average(root => PathLength(root, row, 0)) / _normalizer);

    /// <summary>c(n): the average path length of an unsuccessful search in a binary search tree of n points.</summary>
    private static double AveragePathLength(int n) => n switch
    {
        <= 1 => 0,
        2 => 1,
        _ => (2 * (Math.Log(n - 1) + 0.5772156649)) - (2.0 * (n - 1) / n),
    };

    private static double PathLength(Node node, double[] row, int depth) => node.Feature < 0
        ? depth + AveragePathLength(node.Size)
        : PathLength(row[node.Feature] < node.Split ? node.Left! : node.Right!, row, depth + 1);

    private static Node Grow(IReadOnlyList<double[]> rows, int[] members, int depth, int depthLimit, Random random)
    {
        if (depth >= depthLimit || members.Length <= 1)
        {
            return Node.Leaf(members.Length);
        }

        // A feature on which the members differ; with none, they cannot be told apart and form a leaf.
        var features = Enumerable.Range(0, rows[members[0]].Length).OrderBy(_ => random.Next()).ToList();
        foreach (var feature in features)
        {
            var (low, high) = (members.Min(m => rows[m][feature]), members.Max(m => rows[m][feature]));
            if (high <= low)
            {
                continue;
            }

            var split = low + (random.NextDouble() * (high - low));
            var left = members.Where(m => rows[m][feature] < split).ToArray();
            var right = members.Where(m => rows[m][feature] >= split).ToArray();
            return new Node(feature, split, members.Length, Grow(rows, left, depth + 1, depthLimit, random), Grow(rows, right, depth + 1, depthLimit, random));
        }

        return Node.Leaf(members.Length);
    }

    private sealed record Node(int Feature, double Split, int Size, Node? Left, Node? Right)
    {
        public static Node Leaf(int size) => new(-1, 0, size, null, null);
    }
}
