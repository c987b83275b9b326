using System.Globalization;
using OmniPos.Jobs.Warehouse;
using OmniPos.Models.Promotions;

namespace OmniPos.Jobs.Promotions;

/// <summary>Measures every promotion the landed sales show (<see cref="PromotionAnalysis"/>) once a day, replacing the stored results.</summary>
public sealed class PromotionAnalysisJob(WarehouseSessions warehouse, PromotionAnalysis analysis) : IScheduledJob
{
    public const string Name = "promotion-analysis";

    public async Task<JobResult> RunAsync(CancellationToken cancellationToken)
    {
        var report = await warehouse.UseAsync(w => Task.FromResult(analysis.Run(w, cancellationToken)), cancellationToken);
        if (report.Results.Count == 0)
        {
            return new JobResult(0, report.Skipped.Count == 0 ? "no promotion in the landed sales" : $"no promotion measurable yet: {Skipped(report)}");
        }

        var best = report.Results[0];
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{report.Results.Count:N0} promotions measured ({report.Results.Count(r => !r.Complete):N0} still in their dip); best by incremental margin {best.PromotionId} "
            + $"({best.Margin.Incremental.Value:N2}, {best.Units.Incremental.Value:N0} units)");
        return new JobResult(report.Results.Count, report.Skipped.Count == 0 ? summary : $"{summary}; not measured: {Skipped(report)}");
    }

    private static string Skipped(PromotionAnalysisReport report) => string.Join("; ", report.Skipped.Select(s => $"{s.PromotionId} ({s.Reason})"));
}
