using OmniPos.Warehouse.Promotions;

namespace OmniPos.Models.Promotions;

/// <summary>
/// Sums over a group of series and a span of days: what they sold (units, revenue and margin after returns, each with
/// its sampling variance, units as counts) and the baseline units the demand model expected of them.
/// </summary>
internal sealed class MeasureTotals
{
    public const int Units = 0;
    public const int Revenue = 1;
    public const int Margin = 2;
    public const int Count = 3;

    public double[] Actual { get; } = new double[Count];

    public double[] Variance { get; } = new double[Count];

    public double BaselineUnits { get; private set; }

    public void AddBaseline(double units) => BaselineUnits += units;

    /// <summary>A series-day's sales: its money varies as its units do (a count), each unit at the day's value.</summary>
    public void AddActual(SeriesSales sales)
    {
        if (sales.Units <= 0)
        {
            return;
        }

        var values = new[] { sales.Units, (double)sales.RevenueAfterReturns, (double)sales.MarginAfterReturns };
        for (var measure = 0; measure < Count; measure++)
        {
            Actual[measure] += values[measure];
            Variance[measure] += values[measure] * values[measure] / sales.Units;
        }
    }
}
