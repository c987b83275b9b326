namespace OmniPos.Models.Promotions;

/// <summary>
/// How much the demand model's baseline is scaled: what a group sold over what the model expected of it (1 when it sold
/// nothing), with that ratio's sampling variance; products and quotients of them carry their variances along (to first order).
/// </summary>
internal sealed class Calibration
{
    private Calibration(double factor, double variance) => (Factor, Variance) = (factor, variance);

    public static Calibration None { get; } = new(1, 0);

    public double Factor { get; }

    public double Variance { get; }

    public static Calibration Of(MeasureTotals control)
    {
        var sold = control.Actual[MeasureTotals.Units];
        if (sold <= 0 || control.BaselineUnits <= 0)
        {
            return None;
        }

        var factor = sold / control.BaselineUnits;
        return new Calibration(factor, factor * factor / sold);
    }

    /// <summary>How far the factor is from 1, as a rate that can be pooled (<see cref="RatePool"/>).</summary>
    public Rate Deviation => new(Factor - 1, Variance);

    public static Calibration FromDeviation(Rate deviation) => new(1 + deviation.Value, deviation.Variance);

    public Calibration Times(Calibration other) => Combined(Factor * other.Factor, other);

    public Calibration Over(Calibration other) => Combined(Factor / other.Factor, other);

    private Calibration Combined(double factor, Calibration other) =>
        new(factor, factor * factor * ((Variance / (Factor * Factor)) + (other.Variance / (other.Factor * other.Factor))));
}
