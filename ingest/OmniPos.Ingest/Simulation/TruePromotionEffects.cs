using System.Globalization;

namespace OmniPos.Ingest.Simulation;

/// <summary>What each simulated promotion truly added, read back from the ground truth's <c>promotions.csv</c>: what promotion analysis is scored against.</summary>
public static class TruePromotionEffects
{
    /// <summary>Incremental units (expected, before stock-outs) by promotion id.</summary>
    public static IReadOnlyDictionary<string, double> ReadIncrementalUnits(string truthFolder)
    {
        var lines = File.ReadLines(Path.Combine(truthFolder, GroundTruthWriter.PromotionsFile)).Select(line => line.TrimStart('\uFEFF').Split(',')).ToList();
        var column = Array.IndexOf(lines[0], "incremental_units");
        return lines.Skip(1).ToDictionary(fields => fields[0], fields => double.Parse(fields[column], CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }
}
