using System.Globalization;
using OmniPos.Warehouse.LossPrevention;

namespace OmniPos.Models.LossPrevention;

/// <summary>
/// Scores every subject-day of a grain against its peers (its store's days for employees, every store's otherwise):
/// an isolation forest per peer group over the baseline days, and per figure the group's median and MAD for the
/// robust z-scores that say in words what stands out.
/// </summary>
public static class BehaviourScoring
{
    /// <summary>Peer groups smaller than this are too few to say what is ordinary; their days score 0.</summary>
    public const int MinimumPeers = 30;

    /// <summary>A figure stands out (and is named as a reason) from this robust z-score on.</summary>
    public const double StandsOutZ = 3.5;

    public static List<BehaviourScore> Score(BehaviourGrain grain, IReadOnlyList<BehaviourDay> days, DateOnly scoreFrom, int seed = 17)
    {
        var scores = new List<BehaviourScore>();
        foreach (var group in days.GroupBy(d => grain.PeersByStore ? d.StoreId : ""))
        {
            var peers = group.ToList();
            var toScore = peers.Where(d => d.BusinessDate >= scoreFrom).ToList();
            if (peers.Count < MinimumPeers || toScore.Count == 0)
            {
                continue;
            }

            var forest = IsolationForest.Fit([.. peers.Select(d => d.Features)], seed: seed);
            var centres = Enumerable.Range(0, grain.Features.Count).Select(f => RobustCentre([.. peers.Select(d => d.Features[f])])).ToArray();
            foreach (var day in toScore)
            {
                var standouts = Enumerable.Range(0, grain.Features.Count)
                    .Select(f => (Feature: grain.Features[f], Value: day.Features[f], Z: grain.Features[f].Suspect * (day.Features[f] - centres[f].Median) / centres[f].Scale, centres[f].Median))
                    .Where(s => s.Feature.Suspect != 0 && s.Z >= StandsOutZ)
                    .OrderByDescending(s => s.Z)
                    .ToList();
                var reasons = standouts.Select(s => string.Create(CultureInfo.InvariantCulture,
                    $"{s.Feature.Name}: {s.Value:0.##} against a peer median of {s.Median:0.##} (robust z {s.Z:0.0})")).ToList();
                scores.Add(new BehaviourScore(day.StoreId, day.SubjectKind, day.Subject, day.BusinessDate, forest.Score(day.Features),
                    standouts.Count == 0 ? 0 : standouts[0].Z, reasons, day.Evidence));
            }
        }

        return scores;
    }

    /// <summary>
    /// The median and a robust scale: 1.4826 · MAD, which is σ for normal figures. Where most peers share one value (a
    /// figure that is usually 0) MAD is 0, and the scale is the spread up to the 99th percentile instead, as if that were
    /// 2.326 σ out; where even that is 0 (fewer than one peer in a hundred differs), the mean absolute deviation, which
    /// makes any such value stand out; else 1.
    /// </summary>
    private static (double Median, double Scale) RobustCentre(double[] values)
    {
        var sorted = values.Order().ToArray();
        var median = Median(sorted);
        var mad = 1.4826 * Median([.. sorted.Select(v => Math.Abs(v - median)).Order()]);
        var tail = (sorted[(int)Math.Floor(0.99 * (sorted.Length - 1))] - median) / 2.326;
        var mean = 1.2533 * sorted.Average(v => Math.Abs(v - median));
        return (median, mad > 0 ? mad : tail > 0 ? tail : mean > 0 ? mean : 1);
    }

    /// <summary>The median of values in ascending order.</summary>
    private static double Median(double[] sorted)
    {
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
